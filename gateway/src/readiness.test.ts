import { type RunningSubgraph } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { subgraphs } from '../../scripts/lib/subgraphs.ts';
import { startSystem, type TestSystem } from '../../test/support/system.ts';

let system: TestSystem;
let restarted: RunningSubgraph | undefined;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await restarted?.stop();
  await system?.stop();
});

const readyzOf = (system: TestSystem) => new URL('/readyz', system.gatewayUrl).toString();

/** Polls `/readyz` until its status is `status` (readiness is cached briefly, so the change shows within a moment). */
async function readinessBecomes(status: number, withinMs = 10_000): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const response = await fetch(readyzOf(system));
    const answer = { status: response.status, body: await response.json().catch(() => null) };
    if (answer.status === status) return answer;
    if (Date.now() > deadline) throw new Error(`/readyz stayed ${JSON.stringify(answer)} instead of ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('gateway readiness', () => {
  it('is ready only while every subgraph is: a stopped subgraph makes it 503 naming it, and its return makes it ready again', async () => {
    expect(await readinessBecomes(200)).toEqual({ status: 200, body: { status: 'ready' } });

    const { port } = system.product.subgraphs.workshop;
    await system.product.subgraphs.workshop.stop();
    const down = await readinessBecomes(503);
    expect(down.body).toEqual({ status: 'unavailable', unavailable: ['workshop'] });
    expect(JSON.stringify(down.body)).not.toContain(String(port));

    restarted = await subgraphs.workshop.start({ databaseUrl: inject('databaseUrl'), port, migrate: false });
    expect(await readinessBecomes(200)).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
