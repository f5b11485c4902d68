import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { type MikroORM } from '@mikro-orm/postgresql';
import { type GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createOrm, migrate } from '../database/orm.ts';
import { Type } from '@sinclair/typebox';
import { crudEvents, defineContract, Id, Nullable, Payload, Reference } from '../events/contract.ts';
import { EventBus, publish } from '../events/event-bus.ts';
import { type SubgraphContext } from '../server/context.ts';
import { referenceHoldsMigration } from './holds-migration.ts';
import { applyHolds, holdsOn, referenceHolds, refuseHeldDelete } from './reference-holds.ts';
import { referencePaths } from './reference-paths.ts';

// a small contract of a holder: jobs point at a client (nullable) and, through their lines, at workers
const Job = Payload({
  id: Id(),
  clientId: Nullable(Reference('Client')),
  lines: Type.Array(Payload({ workerId: Nullable(Reference('Worker')), note: Type.String() })),
});
const holderContract = defineContract('holder', { ...crudEvents('job', 'job', Job, { webhook: false }) });
const jobEvents = holderContract.events;

const schema = `holds_${randomUUID().slice(0, 8)}`;
const tenantId = randomUUID();

@Entity({ tableName: 'nothing' })
class Nothing {
  @PrimaryKey({ type: 'uuid' }) id!: string;
}

class HoldsMigration extends referenceHoldsMigration(schema) {
  override name = 'Migration1_reference_holds';
}

// the owner of clients and workers, keeping holds from the holder's contract
const holds = referenceHolds({ subgraph: schema, owns: ['Client', 'Worker'], contracts: [holderContract] });
let orm: MikroORM;
let bus: EventBus;

beforeAll(async () => {
  orm = await createOrm({
    databaseUrl: inject('databaseUrl'),
    schema,
    entities: [Nothing],
    migrations: [{ name: 'Migration1_reference_holds', class: HoldsMigration }],
  });
  await migrate(orm, schema);
  bus = await EventBus.start({ databaseUrl: inject('databaseUrl'), emConfig: orm.em.config, name: schema, contract: holderContract });
  await bus.consume(holds, () => ({ em: orm.em.fork() }) as SubgraphContext);
});
afterAll(async () => {
  await bus?.stop();
  await orm?.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
  await orm?.close();
});

const job = (clientId: string | null, workerIds: (string | null)[] = []) => ({
  id: randomUUID(),
  clientId,
  lines: workerIds.map((workerId) => ({ workerId, note: 'oil change' })),
});

async function publishJob(verb: 'created' | 'updated' | 'deleted', data: ReturnType<typeof job>) {
  await orm.em
    .fork()
    .transactional((em) =>
      publish(em, jobEvents[`job.${verb}`], { tenantId, entityId: data.id, data: verb === 'updated' ? { ...data, changed: ['clientId'] } : data }),
    );
}

const heldBy = async (type: string, id: string) => (await holdsOn(orm.em.fork(), tenantId, type, [id])).get(id) ?? [];

async function deleteRefusal(type: string, id: string): Promise<GraphQLError | undefined> {
  return refuseHeldDelete(orm.em.fork(), tenantId, type, [id]).then(
    () => undefined,
    (error: GraphQLError) => error,
  );
}

describe('reference holds learnt from a contract', () => {
  it('finds the references a payload declares, through arrays and nullable fields', () => {
    expect(referencePaths(jobEvents['job.updated'].payload)).toEqual([
      { path: ['clientId'], type: 'Client' },
      { path: ['lines', 'workerId'], type: 'Worker' },
    ]);
    expect(holds.events).toEqual(['holder.job.created', 'holder.job.updated', 'holder.job.deleted']);
  });

  it('a created holder holds its references, and a delete of a held record is refused saying what holds it', async () => {
    const [client, worker] = [randomUUID(), randomUUID()];
    await publishJob('created', job(client, [worker, worker, null]));
    await publishJob('created', job(client));
    // no waiting for the worker: the holds' waiting events are applied before answering
    expect(await heldBy('Client', client)).toEqual([{ holderType: 'holder.job', count: 2 }]);
    expect(await heldBy('Worker', worker)).toEqual([{ holderType: 'holder.job', count: 1 }]);
    const refusal = await deleteRefusal('Client', client);
    expect(refusal?.extensions).toMatchObject({
      code: 'CONFLICT',
      type: 'Client',
      id: client,
      referencedBy: [{ id: client, holders: [{ holderType: 'holder.job', count: 2 }] }],
    });
    expect(refusal?.message).toBe('Client is referenced by 2 jobs; delete what points at it first');
    expect(await deleteRefusal('Client', randomUUID())).toBeUndefined();
  });

  it('an update that clears or changes a reference releases the old hold; a delete releases all of them', async () => {
    const [client, other, worker] = [randomUUID(), randomUUID(), randomUUID()];
    const held = job(client, [worker]);
    await publishJob('created', held);
    await publishJob('updated', { ...held, clientId: other });
    expect(await heldBy('Client', client)).toEqual([]);
    expect(await heldBy('Client', other)).toHaveLength(1);
    await publishJob('updated', { ...held, clientId: null });
    expect(await heldBy('Client', other)).toEqual([]);
    expect(await heldBy('Worker', worker)).toHaveLength(1);
    await publishJob('deleted', { ...held, clientId: null });
    expect(await heldBy('Worker', worker)).toEqual([]);
    expect(await deleteRefusal('Worker', worker)).toBeUndefined();
  });

  it('is idempotent and ignores an event older than the holder’s newest', async () => {
    const client = randomUUID();
    const held = job(client);
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString();
    const event = (name: string, occurredAt: string, data: object) => ({
      id: randomUUID(),
      name,
      tenantId,
      entityId: held.id,
      occurredAt,
      data: data as Record<string, unknown>,
    });
    const paths = referencePaths(Job);
    await applyHolds(orm.em.fork(), schema, paths, event('holder.job.created', at(1), held));
    await applyHolds(orm.em.fork(), schema, paths, event('holder.job.created', at(1), held));
    expect(await heldBy('Client', client)).toEqual([{ holderType: 'holder.job', count: 1 }]);
    await applyHolds(orm.em.fork(), schema, paths, event('holder.job.deleted', at(3), held));
    // the update of second 2 arrives after the delete of second 3: the job stays gone
    await applyHolds(orm.em.fork(), schema, paths, event('holder.job.updated', at(2), { ...held, changed: [] }));
    expect(await heldBy('Client', client)).toEqual([]);
  });

  it('counts a hold whose event is still waiting while no worker runs', async () => {
    await bus.stopWorking(holds.queue);
    const client = randomUUID();
    await publishJob('created', job(client));
    expect((await deleteRefusal('Client', client))?.extensions.code).toBe('CONFLICT');
  });
});
