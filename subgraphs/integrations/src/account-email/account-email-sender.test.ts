import { randomUUID } from 'node:crypto';
import { createContext, logger, NO_TENANT, tapLogLines, type EventEnvelope, type PayloadOf } from '@atelier/kit';
import { identityEvents } from '@atelier/identity/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { accountEmailSender } from './account-email-sender.ts';

let system: TestSystem;
const saved = { NODE_ENV: process.env.NODE_ENV, key: process.env.PLATFORM_RESEND_API_KEY, from: process.env.PLATFORM_EMAIL_FROM };

beforeAll(async () => {
  delete process.env.PLATFORM_RESEND_API_KEY;
  delete process.env.PLATFORM_EMAIL_FROM;
  system = await startSystem();
});
afterAll(async () => {
  process.env.NODE_ENV = saved.NODE_ENV;
  if (saved.key !== undefined) process.env.PLATFORM_RESEND_API_KEY = saved.key;
  if (saved.from !== undefined) process.env.PLATFORM_EMAIL_FROM = saved.from;
  await system?.stop();
});

/** Runs the sender on one account email, as its queue would, and returns what it logged. */
async function sendWithoutPlatformSender(nodeEnv: string) {
  const link = `http://admin.test/#/verify-email?token=${randomUUID()}`;
  const data: PayloadOf<(typeof identityEvents)['accountEmail.requested']> = {
    kind: 'email-verification',
    to: 'someone@example.test',
    subject: 'Confirm',
    text: `Follow ${link}`,
  };
  const event: EventEnvelope = {
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    name: 'identity.accountEmail.requested',
    tenantId: NO_TENANT,
    entityId: randomUUID(),
    data,
  };
  const { orm, bus } = system.product.subgraphs.integrations;
  const lines: string[] = [];
  const untap = tapLogLines((line) => lines.push(line));
  const level = logger.level;
  logger.level = 'info';
  process.env.NODE_ENV = nodeEnv;
  try {
    await accountEmailSender.handle(event, createContext(orm, bus, { tenantId: NO_TENANT, actorId: 'test', actorType: 'system', roles: [] }));
  } finally {
    process.env.NODE_ENV = saved.NODE_ENV;
    logger.level = level;
    untap();
  }
  return { link, log: lines.join('\n') };
}

describe('account emails without a platform email sender', () => {
  it('are printed to the log in development, so the link can be followed', async () => {
    const { link, log } = await sendWithoutPlatformSender('development');
    expect(log).toContain(link);
  });

  it('are never logged with their link in production, only that they could not be sent and what to set', async () => {
    const { link, log } = await sendWithoutPlatformSender('production');
    expect(log).not.toContain(link);
    expect(log).not.toContain('someone@example.test');
    expect(log).toMatch(/account email not sent: set PLATFORM_RESEND_API_KEY and PLATFORM_EMAIL_FROM/);
  });
});
