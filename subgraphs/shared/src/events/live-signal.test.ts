import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { LiveSignal, type LiveEvent } from './live-signal.ts';

const TOPIC = 'test.thing';
const name = `live-${randomUUID().slice(0, 8)}`;
const tenantId = randomUUID();
let signal: LiveSignal;
let admin: pg.Client;
const received: LiveEvent[] = [];
let onReceived = () => {};

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
  signal = await LiveSignal.start(inject('databaseUrl'), name);
  void (async () => {
    for await (const event of signal.subscribe(TOPIC, tenantId)) {
      received.push(event);
      onReceived();
    }
  })();
});
afterAll(async () => {
  await signal?.stop();
  await admin?.end();
});

/** This signal's listening backends (its connection is named after it; other files' are not). */
const listeners = async () =>
  (
    await admin.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = $1 and query ilike 'LISTEN%'`, [`atelier-${name}-live`])
  ).rows.map((row) => row.pid);

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function notify(entityId: string): Promise<void> {
  const event: LiveEvent = { topic: TOPIC, name: `${TOPIC}.updated`, tenantId, entityId, kind: 'UPDATED' };
  await signal.notify({ executeSql: (text, values) => admin.query(text, values) }, event);
}

/** Sends one event, then a marker; once the marker is in, every copy of the event sent before it is too. */
async function deliveriesOfOneEvent(): Promise<number> {
  const [event, marker] = [randomUUID(), randomUUID()];
  const markerIn = new Promise<void>((resolve) => (onReceived = () => received.some((e) => e.entityId === marker) && resolve()));
  await notify(event);
  await notify(marker);
  await markerIn;
  return received.filter((e) => e.entityId === event).length;
}

describe('the live signal after its database connection is lost', () => {
  it('reconnects exactly once each time, so every change is delivered once', async () => {
    expect(await deliveriesOfOneEvent()).toBe(1);
    for (let outage = 1; outage <= 3; outage++) {
      const [lost] = await listeners();
      expect(lost).toBeDefined();
      await admin.query('select pg_terminate_backend($1)', [lost]);
      await until(async () => {
        const now = await listeners();
        return signal.connected && now.length > 0 && !now.includes(lost); // the lost backend gone, a new one listening
      });
      expect(await deliveriesOfOneEvent()).toBe(1);
      expect(await listeners()).toHaveLength(1);
    }
  });
});
