import { idSequence } from '../server.ts';

export type EmailEventType =
  'email.sent' | 'email.delivered' | 'email.delivery_delayed' | 'email.bounced' | 'email.complained' | 'email.opened' | 'email.clicked' | 'email.failed';

/** An email as `GET /emails/{id}` returns it. */
export interface Email {
  object: 'email';
  id: string;
  to: string[];
  from: string;
  created_at: string;
  subject: string;
  html: string | null;
  text: string | null;
  bcc: string[] | null;
  cc: string[] | null;
  reply_to: string[] | null;
  last_event: string;
  scheduled_at: string | null;
  message_id: string;
  tags: { name: string; value: string }[];
}

/** What the SDK posts (snake_case; `to`, `cc`, `bcc`, `reply_to` may be a string or a list). */
export type EmailPayload = Record<string, unknown>;

const ADDRESS = /^(?:[^<>]*<\s*([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)\s*>|([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+))$/;
const MAX_RECIPIENTS = 50;

const addressOf = (value: string) => {
  const match = ADDRESS.exec(value.trim());
  return match ? (match[1] ?? match[2]) : undefined;
};
const listOf = (value: unknown): string[] | null => (value === undefined || value === null ? null : Array.isArray(value) ? value.map(String) : [String(value)]);

/** Why Resend refuses an email, in its error body's terms. */
export interface Refusal {
  statusCode: number;
  name: 'missing_required_field' | 'validation_error';
  message: string;
}

const missingField = (field: string): Refusal => ({ statusCode: 422, name: 'missing_required_field', message: `Missing \`${field}\` field.` });
const invalidAddress = (field: string): Refusal => ({
  statusCode: 422,
  name: 'validation_error',
  message: `Invalid \`${field}\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`,
});

/** Why Resend would refuse to send this email, or undefined when it would send it. */
export function refusal(payload: EmailPayload, verifiedDomains: string[] | undefined): Refusal | undefined {
  if (typeof payload.from !== 'string' || !payload.from) return missingField('from');
  const from = addressOf(payload.from);
  if (!from) return invalidAddress('from');
  const domain = from.split('@')[1];
  if (verifiedDomains && !verifiedDomains.includes(domain)) {
    return {
      statusCode: 403,
      name: 'validation_error',
      message: `The ${domain} domain is not verified. Please, add and verify your domain on https://resend.com/domains`,
    };
  }
  const to = listOf(payload.to);
  if (!to || to.length === 0) return missingField('to');
  if (to.length > MAX_RECIPIENTS)
    return { statusCode: 422, name: 'validation_error', message: `Too many recipients. Please limit the number of recipients to ${MAX_RECIPIENTS} or less.` };
  if (to.some((address) => !addressOf(address))) return invalidAddress('to');
  if (typeof payload.subject !== 'string' || !payload.subject) return missingField('subject');
  if (!payload.html && !payload.text && !payload.template) return missingField('html` or `text');
  return undefined;
}

/** The emails the team sent, by id (UUIDs, like Resend's). */
export function createMailLog(clock: () => number) {
  const ids = idSequence('4ef9a417-02e9-4d39-ad75-', 12);
  const emails = new Map<string, Email>();
  return {
    emails: emails as ReadonlyMap<string, Email>,

    add(payload: EmailPayload): Email {
      const id = ids.next();
      const email: Email = {
        object: 'email',
        id,
        to: listOf(payload.to) ?? [],
        from: String(payload.from),
        created_at: new Date(clock()).toISOString(),
        subject: String(payload.subject),
        html: typeof payload.html === 'string' ? payload.html : null,
        text: typeof payload.text === 'string' ? payload.text : null,
        bcc: listOf(payload.bcc),
        cc: listOf(payload.cc),
        reply_to: listOf(payload.reply_to),
        last_event: payload.scheduled_at ? 'scheduled' : 'queued',
        scheduled_at: typeof payload.scheduled_at === 'string' ? payload.scheduled_at : null,
        message_id: `<${id}@email.amazonses.com>`,
        tags: Array.isArray(payload.tags) ? (payload.tags as Email['tags']) : [],
      };
      emails.set(id, email);
      return email;
    },

    record(id: string, type: EmailEventType): Email {
      const email = emails.get(id);
      if (!email) throw new Error(`no email ${id}`);
      email.last_event = type.slice('email.'.length);
      return email;
    },

    reset() {
      ids.reset();
      emails.clear();
    },
  };
}

export type MailLog = ReturnType<typeof createMailLog>;
