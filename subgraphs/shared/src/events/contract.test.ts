import { describe, expect, it } from 'vitest';
import {
  assembleContracts,
  crudEvents,
  crudEventsOf,
  defineContract,
  Instant,
  Nullable,
  OneOf,
  Payload,
  payloadErrors,
  payloadJsonSchema,
  Reference,
  type DeliveredOf,
} from './contract.ts';
import { defineConsumer } from './consumer.ts';
import { Type } from '@sinclair/typebox';

const JobSnapshot = Payload(
  {
    id: Type.String({ format: 'uuid' }),
    customerId: Reference('Customer'),
    status: OneOf(['OPEN', 'DONE']),
    dueAt: Nullable(Instant()),
  },
  'A job of the shop',
);

const shop = defineContract('shop', {
  ...crudEvents('job', 'job', JobSnapshot, { webhook: true }),
  'job.done': { description: 'A job was done', webhook: false, version: 2, payload: JobSnapshot },
});

const job = { id: '6f1c8f5e-3b7a-4c2e-9d1a-2b3c4d5e6f70', customerId: '0b8f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', status: 'OPEN', dueAt: null };

describe('a contract', () => {
  it('names its events <subgraph>.<entity>.<verb> and keeps what each declares', () => {
    expect(shop.events['job.done']).toMatchObject({ name: 'shop.job.done', subgraph: 'shop', version: 2, webhook: false });
    expect(crudEventsOf(shop.events, 'job').updated.name).toBe('shop.job.updated');
  });

  it('accepts exactly the declared payload and says what is wrong with any other', () => {
    expect(payloadErrors(shop.events['job.created'], job)).toEqual([]);
    expect(payloadErrors(shop.events['job.created'], { ...job, customerId: undefined })[0]).toContain('/customerId');
    expect(payloadErrors(shop.events['job.created'], { ...job, status: 'LOST' })[0]).toContain('/status');
    expect(payloadErrors(shop.events['job.created'], { ...job, dueAt: new Date() })[0]).toContain('/dueAt');
    expect(payloadErrors(shop.events['job.created'], { ...job, taxRateBasisPoints: 1900 })[0]).toContain('/taxRateBasisPoints');
    expect(payloadErrors(shop.events['job.updated'], job)[0]).toContain('/changed');
    expect(payloadErrors(shop.events['job.updated'], { ...job, changed: ['status'] })).toEqual([]);
  });

  it('publishes its payloads as JSON Schema, references marked', () => {
    const schema = payloadJsonSchema(shop.events['job.done']);
    expect(schema).toMatchObject({
      title: 'shop.job.done',
      description: 'A job was done',
      'x-version': 2,
      type: 'object',
      additionalProperties: false,
      required: ['id', 'customerId', 'status', 'dueAt'],
    });
    expect((schema.properties as Record<string, object>).customerId).toMatchObject({ type: 'string', format: 'uuid', 'x-references': 'Customer' });
  });

  it('assembles with others, refusing a name declared twice', () => {
    const other = defineContract('other', { 'thing.seen': { description: 'seen', webhook: true, version: 1, payload: Payload({}) } });
    const catalogue = assembleContracts([shop, other]);
    expect(catalogue.webhookTypes().map((type) => type.name)).toEqual(['other.thing.seen', 'shop.job.created', 'shop.job.deleted', 'shop.job.updated']);
    expect(() => assembleContracts([shop, shop])).toThrow(/declared twice/);
    expect(() => defineContract('bad', { JobDone: shop.events['job.done'] })).toThrow(/<entity>.<verb>/);
  });

  it('types consumers by the events they take', () => {
    const seen: string[] = [];
    const consumer = defineConsumer({
      queue: 'shop.test',
      events: [shop.events['job.done'], shop.events['job.updated']],
      async handle(event: DeliveredOf<(typeof shop.events)['job.done'] | (typeof shop.events)['job.updated']>) {
        if (event.name === 'shop.job.updated') seen.push(...event.data.changed);
        // @ts-expect-error a done job's payload has no `changed`
        else seen.push(...event.data.changed);
        seen.push(event.data.status);
      },
    });
    expect(consumer.events).toEqual(['shop.job.done', 'shop.job.updated']);
  });
});
