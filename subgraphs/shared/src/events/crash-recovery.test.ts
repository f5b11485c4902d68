import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runScript } from '../../../../test/support/processes.ts';
import { EventBus } from './event-bus.ts';

// a queue of this file's own: no other process works it
const queue = `test.crash-${randomUUID().slice(0, 8)}`;
let bus: EventBus;

beforeAll(async () => {
  bus = await EventBus.start({ databaseUrl: inject('databaseUrl'), emConfig: {}, name: 'crash-recovery-test' });
});
afterAll(() => bus?.stop());

describe('jobs of a subgraph process killed with SIGKILL', () => {
  it('are taken up by another process within seconds, not after their 15-minute expiry', { timeout: 90_000 }, async () => {
    const crashing = runScript(['test/support/fixtures/stuck-worker.ts', queue], { DATABASE_URL: inject('databaseUrl') });
    await crashing.waitFor(/working the queue/);
    await bus.sendJob(queue, { n: 1 });
    await crashing.waitFor(/working on job 1/);
    crashing.child.kill('SIGKILL');
    await crashing.exited();

    const taken = new Promise<{ n: number }>((resolve) => void bus.work<{ n: number }>(queue, async (job) => resolve(job)));
    expect(await taken).toEqual({ n: 1 });
  });
});
