import { type FakeRequest, type FakeResponse, type Route } from '../server.ts';
import { type Email, type EmailPayload, type MailLog, refusal } from './emails.ts';
import { invalidApiKey, missingApiKey, notFound, resendError, restrictedApiKey } from './errors.ts';
import { type createIdempotencyStore } from './idempotency.ts';

export interface ResendRouteOptions {
  apiKey: string;
  permission: 'full_access' | 'sending_access';
  domains: string[] | undefined;
  createdAt: string;
  mail: MailLog;
  idempotency: ReturnType<typeof createIdempotencyStore>;
  /** Emails were accepted for sending. */
  onSent: (emails: Email[]) => void;
}

const SENDING_PATHS = ['/emails', '/emails/batch'];

/** Resend's REST API at the origin root: emails (single and batch), domains and API keys. */
export function resendRoutes(options: ResendRouteOptions): Route {
  const { mail } = options;
  const list = (data: unknown[]) => ({ status: 200, body: { object: 'list', has_more: false, data } });

  const sendOne = (payload: EmailPayload): FakeResponse => {
    const refused = refusal(payload, options.domains);
    if (refused) return resendError(refused.statusCode, refused.name, refused.message);
    const email = mail.add(payload);
    options.onSent([email]);
    return { status: 200, body: { id: email.id } };
  };

  /** Strict batch validation (the SDK's default): one refused email refuses the batch. */
  const sendBatch = (payloads: EmailPayload[] | undefined): FakeResponse => {
    if (!Array.isArray(payloads) || payloads.length === 0) return resendError(422, 'validation_error', 'The request body must be a non-empty array of emails.');
    if (payloads.length > 100) return resendError(422, 'validation_error', 'Too many emails. The batch is limited to 100 emails.');
    for (const [index, payload] of payloads.entries()) {
      const refused = refusal(payload, options.domains);
      if (refused) return resendError(refused.statusCode, refused.name, `emails[${index}]: ${refused.message}`);
    }
    const emails = payloads.map((payload) => mail.add(payload));
    options.onSent(emails);
    return { status: 200, body: { data: emails.map((email) => ({ id: email.id })) } };
  };

  const send = (request: FakeRequest): FakeResponse => {
    const key = request.headers['idempotency-key'];
    const replay = key === undefined ? undefined : options.idempotency.check(key, request.body);
    if (replay) return replay;
    const response = request.path === '/emails' ? sendOne(request.json<EmailPayload>() ?? {}) : sendBatch(request.json<EmailPayload[]>());
    if (key !== undefined) options.idempotency.remember(key, request.body, response);
    return response;
  };

  return (request) => {
    const [scheme, key] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !key) return missingApiKey();
    if (key !== options.apiKey) return invalidApiKey();
    const { method, path } = request;
    if (method === 'POST' && SENDING_PATHS.includes(path)) return send(request);
    if (options.permission === 'sending_access') return restrictedApiKey();
    const emailId = /^\/emails\/([^/]+)$/.exec(path)?.[1];
    if (method === 'GET' && emailId) return mail.emails.has(emailId) ? { status: 200, body: mail.emails.get(emailId) } : notFound('Email not found');
    if (method === 'GET' && path === '/domains') {
      return list(
        (options.domains ?? []).map((name, index) => ({
          id: `d91cd9bd-1176-453e-8fc1-35364d380${String(index).padStart(3, '0')}`,
          name,
          status: 'verified',
          created_at: options.createdAt,
          region: 'us-east-1',
          capabilities: { sending: 'enabled', receiving: 'disabled' },
        })),
      );
    }
    if (method === 'GET' && path === '/api-keys')
      return list([{ id: 'b6d24b8e-af0b-4c3c-be0c-359bbd97381e', name: 'Atelier', created_at: options.createdAt, last_used_at: null }]);
    return notFound();
  };
}
