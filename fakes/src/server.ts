import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo } from 'node:net';
import { type Fault, type FaultRule, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from './types.ts';

/** A request as a fake's routes see it: the raw body is kept, since providers sign and parse raw bytes. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  /** The body's bytes, for binary payloads (uploads) that `body` (UTF-8) would mangle. */
  raw: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json<T = unknown>(): T | undefined;
  /** The body parsed as application/x-www-form-urlencoded (flat; use `qs` for bracket notation). */
  form(): URLSearchParams;
}

export interface FakeResponse {
  status: number;
  /** JSON, text (a string), or bytes (a Buffer, sent as is: documents, downloads). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route: `null` falls through to the next one; the first that answers wins. */
export type Route = (request: FakeRequest) => FakeResponse | null | Promise<FakeResponse | null>;

/** A control action: JSON in (the POST body), JSON out. Throwing answers 400 with the message. */
export type ControlAction = (input: Record<string, unknown>) => unknown;

export interface FakeServerOptions {
  name: string;
  port?: number;
  /** TLS key and certificate (PEM) for fakes whose SDK insists on https. */
  tls?: { key: string; cert: string };
  /** A second listener, over TLS, serving the same routes, log and faults: for a provider whose SDK insists on https for part of its API only (DocuSign OAuth). */
  secureListener?: { key: string; cert: string; port?: number };
  routes: Route[];
  /** What a fault looks like at this provider (its own error bodies and headers). */
  faultResponse: (rule: FaultRule) => FakeResponse;
  /** Forget provider state (the base forgets requests and faults). */
  resetState?: () => void;
  /** Provider actions served as `POST /__control/<name>` (see `serveControl`). */
  control?: Record<string, ControlAction>;
}

export interface FakeServer extends ProviderFake {
  /** The underlying server (tests rarely need it). */
  readonly server: Server;
  /** Origin of the `secureListener`, when there is one. */
  readonly secureUrl?: string;
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
    const raw = Buffer.concat(chunks);
    const body = raw.toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: headersOf(incoming),
      body,
      raw,
      json<T>() {
        try {
          return JSON.parse(body) as T;
        } catch {
          return undefined;
        }
      },
      form: () => new URLSearchParams(body),
    };
    if (request.path === CONTROL_PREFIX || request.path.startsWith(`${CONTROL_PREFIX}/`)) {
      return send(response, await serveControl(request, { ...builtInControl, ...options.control }));
    }
    requests.push({ method: request.method, path: `${url.pathname}${url.search}`, headers: request.headers, body });

    const signature = `${request.method} ${request.path}`;
    try {
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
      for (const route of options.routes) {
        const answer = await route(request);
        if (answer) return send(response, answer);
      }
      send(response, { status: 404, body: { error: `${options.name} fake: no route for ${signature}` } });
    } catch (error) {
      send(response, { status: 500, body: { error: String(error) } });
    }
  };

  const fake = {
    inject(rule: FaultRule) {
      faults.push({ ...rule, times: rule.times ?? 1 });
    },
    reset() {
      requests.length = 0;
      faults.length = 0;
      options.resetState?.();
    },
  };
  const builtInControl: Record<string, ControlAction> = {
    reset: () => fake.reset(),
    requests: () => requests,
    fault: (input) => fake.inject(faultRuleFromJson(input)),
  };

  const server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const secure = options.secureListener && createHttpsServer({ key: options.secureListener.key, cert: options.secureListener.cert }, handler);
  if (secure) await new Promise<void>((resolve) => secure.listen(options.secureListener?.port ?? 0, '127.0.0.1', resolve));

  return {
    name: options.name,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...(secure && { secureUrl: `https://127.0.0.1:${(secure.address() as AddressInfo).port}` }),
    server,
    requests,
    ...fake,
    async stop() {
      for (const response of hanging) response.destroy();
      for (const listener of secure ? [server, secure] : [server]) {
        listener.closeAllConnections();
        await new Promise<void>((resolve) => listener.close(() => resolve()));
      }
    },
  };
}

const CONTROL_PREFIX = '/__control';

/**
 * The control API every fake serves, so a human (or `npm run demo`) can drive it with curl:
 * `GET /__control` lists the actions; `POST /__control/<action>` runs one with the JSON body as input.
 * Built in: `reset`, `requests`, and `fault` (`{ "fault": { "kind": "rate-limit" }, "match": "POST /v1/", "times": 2 }`).
 * Control requests are neither recorded nor subject to injected faults.
 */
async function serveControl(request: FakeRequest, actions: Record<string, ControlAction>): Promise<FakeResponse> {
  if (request.path === CONTROL_PREFIX && request.method === 'GET') return { status: 200, body: { actions: Object.keys(actions).sort() } };
  const action = actions[request.path.slice(CONTROL_PREFIX.length + 1)];
  if (!action || request.method !== 'POST') return { status: 404, body: { error: `no control action ${request.method} ${request.path}` } };
  const input = request.body ? request.json<Record<string, unknown>>() : {};
  if (!input || typeof input !== 'object') return { status: 400, body: { error: 'the body must be a JSON object' } };
  try {
    return { status: 200, body: (await action(input)) ?? { ok: true } };
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}

function faultRuleFromJson(input: Record<string, unknown>): FaultRule {
  const fault = input.fault as Fault | undefined;
  if (!fault || !['rate-limit', 'server-error', 'timeout'].includes(fault.kind)) throw new Error('fault.kind must be rate-limit, server-error or timeout');
  return {
    fault,
    match: typeof input.match === 'string' ? new RegExp(input.match) : undefined,
    times: typeof input.times === 'number' ? input.times : undefined,
  };
}

function send(response: ServerResponse, answer: FakeResponse) {
  const isBytes = Buffer.isBuffer(answer.body);
  const isText = typeof answer.body === 'string';
  const payload = answer.body === undefined ? '' : isBytes || isText ? (answer.body as string | Buffer) : JSON.stringify(answer.body);
  const contentType = isBytes ? 'application/octet-stream' : isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  response.writeHead(answer.status, {
    ...(answer.body !== undefined && { 'content-type': contentType }),
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
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': options.contentType ?? 'application/json', ...headers },
      body: sentBody,
    });
    return { id, status: response.status, body: sentBody, headers, response: await response.text() };
  };
  const copies = Math.max(1, options.copies ?? 1);
  if (options.concurrently) return Promise.all(Array.from({ length: copies }, once));
  const sent: SentWebhook[] = [];
  for (let i = 0; i < copies; i++) sent.push(await once());
  return sent;
}

/** A webhook a fake wants the app to receive; `sign` gives the provider's signature headers for a body at a time. */
export interface OutgoingWebhook {
  /** No target (the app registered no URL) means the provider has nowhere to send it: it is dropped. */
  target: string | undefined;
  id: string;
  body: string;
  sign: (body: string, nowMs: number) => Record<string, string>;
  contentType?: string;
}

export interface WebhookOutbox {
  /** Every delivery, in the order they completed; `status: 0` means the app could not be reached. */
  readonly sent: SentWebhook[];
  /** Deliver after the ones already queued (so a fake's webhooks arrive in a deterministic order), or hold it. */
  send(webhook: OutgoingWebhook, delivery?: WebhookDeliveryOptions): Promise<SentWebhook[]>;
  /** Queue deliveries instead of sending them, until `release`. */
  hold(): void;
  /** Send the held deliveries, `reversed` to make them arrive out of order; resolves with what was sent. */
  release(order?: 'queued' | 'reversed'): Promise<SentWebhook[]>;
  /** Resolves when every delivery started so far has been answered. */
  idle(): Promise<void>;
  clear(): void;
}

/**
 * Where a fake's webhooks go through: one at a time, recorded, never throwing (a provider does not crash
 * when the app is down), with hold/release for out-of-order delivery.
 */
export function webhookOutbox(clock: () => number = Date.now): WebhookOutbox {
  const sent: SentWebhook[] = [];
  let held: { webhook: OutgoingWebhook; delivery: WebhookDeliveryOptions }[] | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const deliver = (webhook: OutgoingWebhook, delivery: WebhookDeliveryOptions) => {
    const delivered = queue
      .then(() => deliverWebhook(webhook.target, webhook.id, webhook.body, webhook.sign, { ...delivery, clock, contentType: webhook.contentType }))
      .catch((): SentWebhook[] => [{ id: webhook.id, status: 0, body: webhook.body, headers: {} }])
      .then((records) => {
        sent.push(...records);
        return records;
      });
    queue = delivered;
    return delivered;
  };

  return {
    sent,
    send(webhook, delivery = {}) {
      if (!webhook.target) return Promise.resolve([]);
      if (held) {
        held.push({ webhook, delivery });
        return Promise.resolve([]);
      }
      return deliver(webhook, delivery);
    },
    hold() {
      held ??= [];
    },
    async release(order = 'queued') {
      const batch = held ?? [];
      held = undefined;
      if (order === 'reversed') batch.reverse();
      return (await Promise.all(batch.map(({ webhook, delivery }) => deliver(webhook, delivery)))).flat();
    },
    async idle() {
      let settled: Promise<unknown>;
      do {
        settled = queue;
        await settled;
      } while (settled !== queue);
    },
    clear() {
      sent.length = 0;
      held = undefined;
    },
  };
}

/** The control actions of an outbox, for a fake's `control` (see `serveControl`). */
export function outboxControl(outbox: WebhookOutbox): Record<string, ControlAction> {
  return {
    webhooks: () => outbox.sent,
    'webhooks/hold': () => outbox.hold(),
    'webhooks/release': (input) => outbox.release(input.order === 'reversed' ? 'reversed' : 'queued'),
  };
}

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

/** A route for one method and path pattern; `:name` segments arrive URL-decoded in `params` (`/v1/customers/:id`). */
export function route(
  method: string,
  pattern: string,
  handler: (request: FakeRequest, params: Record<string, string>) => FakeResponse | null | Promise<FakeResponse | null>,
): Route {
  const names: string[] = [];
  const source = pattern.replace(REGEX_SPECIALS, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const matcher = new RegExp(`^${source}$`);
  return (request) => {
    const match = request.method === method ? matcher.exec(request.path) : null;
    if (!match) return null;
    return handler(request, Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')])));
  };
}

/** A request a `startWebhookReceiver` got: raw body and headers, as an app's webhook route sees them. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/webhooks/twilio?x=1`. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A stand-in for the app's webhook route, for tests of the fakes themselves: records every request and
 * answers with `respond` (default 200, empty).
 */
export async function startWebhookReceiver(respond: (request: ReceivedRequest) => FakeResponse = () => ({ status: 200 })) {
  const received: ReceivedRequest[] = [];
  const server = createHttpServer(async (incoming, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = { method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: headersOf(incoming), body: Buffer.concat(chunks).toString('utf8') };
    received.push(request);
    send(response, respond(request));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Deterministic IDs: `prefix_000001`, … per fake. */
export function idSequence(prefix: string, width = 14) {
  let next = 0;
  return {
    next: () => `${prefix}${String(++next).padStart(width, '0')}`,
    reset: () => void (next = 0),
  };
}
