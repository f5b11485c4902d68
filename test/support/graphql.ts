import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: { field: string; message: string }[] } & Record<string, unknown> }[];
  status: number;
}

export type Credentials = { token?: string; apiKey?: string; headers?: Record<string, string> };

export function authHeaders(credentials: Credentials = {}): Record<string, string> {
  return {
    ...(credentials.token && { authorization: `Bearer ${credentials.token}` }),
    ...(credentials.apiKey && { authorization: `ApiKey ${credentials.apiKey}` }),
    ...credentials.headers,
  };
}

/** A GraphQL request over HTTP, as any client would make it. */
export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authHeaders(credentials) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { ...(JSON.parse(text) as Omit<GraphQLResponse<T>, 'status'>), status: response.status };
  } catch {
    return { errors: [{ message: text }], status: response.status };
  }
}

/** The data of a request that must succeed; otherwise the errors fail the test with their message. */
export async function expectData<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = {},
): Promise<T> {
  const result = await graphql<T>(url, query, variables, credentials);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL request failed (${result.status}): ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The first error's code and fields, for asserting refusals. */
export function errorOf(result: GraphQLResponse): { code?: string; fields: string[]; message?: string } {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, fields: (error?.extensions?.fields ?? []).map((f) => f.field), message: error?.message };
}

export interface Subscription<T> {
  /** Resolves with the next event (or rejects after `timeoutMs`). */
  next(timeoutMs?: number): Promise<T>;
  /**
   * The next event `wanted` accepts, skipping others: the signal of a change made just before subscribing
   * can still arrive after the subscription started on a busy machine.
   */
  nextWhere(wanted: (event: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves when the server has accepted the subscription (first keep-alive or a short settle time). */
  close(): Promise<void>;
}

function queueOf<T>() {
  const events: T[] = [];
  /** Who waits for the next event; a waiter that timed out leaves, or it would swallow the event meant for the next one. */
  const waiting: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  return {
    push(value: T) {
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(value);
      else events.push(value);
    },
    fail(error: unknown) {
      failure = error;
      for (const waiter of waiting.splice(0)) waiter.reject(error);
    },
    next(timeoutMs = 10_000): Promise<T> {
      if (events.length) return Promise.resolve(events.shift() as T);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        const waiter = {
          resolve: (value: T) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error: unknown) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error(`no subscription event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(waiter);
      });
    },
  };
}

function nextWhere<T>(next: (timeoutMs?: number) => Promise<T>) {
  return async (wanted: (event: T) => boolean, timeoutMs = 10_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = await next(Math.max(1, deadline - Date.now()));
      if (wanted(event)) return event;
    }
  };
}

/** A subscription over graphql-ws; credentials travel as connection parameters, as a browser sends them. */
export function subscribeWs<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = {},
): Subscription<{ data?: T; errors?: unknown[] }> {
  const queue = queueOf<{ data?: T; errors?: unknown[] }>();
  const client = createWsClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: authHeaders(credentials), retryAttempts: 0 });
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => queue.push(value as { data?: T; errors?: unknown[] }),
      error: (error) => queue.fail(error),
      complete: () => undefined,
    },
  );
  return {
    next: queue.next,
    nextWhere: nextWhere(queue.next),
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}

/** A subscription over server-sent events (graphql-sse distinct connections mode). */
export function subscribeSse<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = {},
): Subscription<{ data?: T; errors?: unknown[] }> {
  const queue = queueOf<{ data?: T; errors?: unknown[] }>();
  const client = createSseClient({ url, headers: authHeaders(credentials), retryAttempts: 0 });
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => queue.push(value as { data?: T; errors?: unknown[] }),
      error: (error) => queue.fail(error),
      complete: () => undefined,
    },
  );
  return {
    next: queue.next,
    nextWhere: nextWhere(queue.next),
    close: async () => {
      dispose();
      client.dispose();
    },
  };
}

/** Gives a fresh subscription time to reach the subgraph before the change it should see is made. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
