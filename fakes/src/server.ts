import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo } from 'node:net';
import { type FaultRule, type ProviderFake, type SentWebhook } from './types.ts';

/** A request as a fake's routes see it: the raw body is kept, since providers sign and parse raw bytes. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json<T = unknown>(): T | undefined;
  /** The body parsed as application/x-www-form-urlencoded (flat; use `qs` for bracket notation). */
  form(): URLSearchParams;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route: `null` falls through to the next one; the first that answers wins. */
export type Route = (request: FakeRequest) => FakeResponse | null | Promise<FakeResponse | null>;

export interface FakeServerOptions {
  name: string;
  port?: number;
  /** TLS key and certificate (PEM) for fakes whose SDK insists on https. */
  tls?: { key: string; cert: string };
  routes: Route[];
  /** What a fault looks like at this provider (its own error bodies and headers). */
  faultResponse: (rule: FaultRule) => FakeResponse;
  /** Forget provider state (the base forgets requests and faults). */
  resetState?: () => void;
}

export interface FakeServer extends ProviderFake {
  /** The underlying server (tests rarely need it). */
  readonly server: Server;
}

const headersOf = (request: IncomingMessage): Record<string, string> =>
  Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));

/** The HTTP plumbing every fake shares: recording, fault injection, routing, JSON answers. */
export async function startFakeServer(options: FakeServerOptions): Promise<FakeServer> {
  const requests: ProviderFake['requests'] = [];
  const faults: FaultRule[] = [];
  const hanging = new Set<ServerResponse>();

  const handler = async (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: headersOf(incoming),
      body,
      json<T>() {
        try {
          return JSON.parse(body) as T;
        } catch {
          return undefined;
        }
      },
      form: () => new URLSearchParams(body),
    };
    requests.push({ method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers, body });

    const signature = `${request.method} ${request.path}`;
    const ruleIndex = faults.findIndex((rule) => !rule.match || rule.match.test(signature));
    if (ruleIndex >= 0) {
      const rule = faults[ruleIndex] as FaultRule;
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) faults.splice(ruleIndex, 1);
      if (rule.fault.kind === 'timeout') {
        hanging.add(response); // never answered; closed when the fake stops
        return;
      }
      return send(response, options.faultResponse(rule));
    }

    try {
      for (const route of options.routes) {
        const answer = await route(request);
        if (answer) return send(response, answer);
      }
      send(response, { status: 404, body: { error: `${options.name} fake: no route for ${signature}` } });
    } catch (error) {
      send(response, { status: 500, body: { error: String(error) } });
    }
  };

  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    name: options.name,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    server,
    requests,
    inject(rule) {
      faults.push({ ...rule, times: rule.times ?? 1 });
    },
    reset() {
      requests.length = 0;
      faults.length = 0;
      options.resetState?.();
    },
    async stop() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, answer: FakeResponse) {
  const isText = typeof answer.body === 'string';
  const payload = answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(answer.body !== undefined && { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' }),
    ...answer.headers,
  });
  response.end(payload);
}

/**
 * Sends one webhook to the app, as many times as asked (duplicates, concurrently if asked), and records
 * each delivery. `sign` produces the provider's signature headers for a body at a given time.
 */
export async function deliverWebhook(
  target: string | undefined,
  id: string,
  body: string,
  sign: (body: string, nowMs: number) => Record<string, string>,
  options: { copies?: number; concurrently?: boolean; tamper?: boolean; ageSeconds?: number; clock?: () => number; contentType?: string } = {},
): Promise<SentWebhook[]> {
  if (!target) throw new Error('this fake has no webhookUrl to deliver to');
  const now = (options.clock ?? Date.now)() - (options.ageSeconds ?? 0) * 1000;
  const headers = sign(body, now);
  const sentBody = options.tamper ? body.replace(/.$/s, (last) => (last === ' ' ? '\n' : ' ')) + ' ' : body;
  const once = async (): Promise<SentWebhook> => {
    const response = await fetch(target, { method: 'POST', headers: { 'content-type': options.contentType ?? 'application/json', ...headers }, body: sentBody });
    return { id, status: response.status, body: sentBody, headers };
  };
  const copies = Math.max(1, options.copies ?? 1);
  if (options.concurrently) return Promise.all(Array.from({ length: copies }, once));
  const sent: SentWebhook[] = [];
  for (let i = 0; i < copies; i++) sent.push(await once());
  return sent;
}

/** Deterministic IDs: `prefix_000001`, … per fake. */
export function idSequence(prefix: string, width = 14) {
  let next = 0;
  return {
    next: () => `${prefix}${String(++next).padStart(width, '0')}`,
    reset: () => void (next = 0),
  };
}
