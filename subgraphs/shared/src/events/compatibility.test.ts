import { Type, type TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { checkEventSchemas, incompatibleChanges, publicationProblems } from './compatibility.ts';
import { defineContract, Id, Instant, MinorUnits, Nullable, OneOf, Payload, payloadJsonSchema, Reference } from './contract.ts';

const v1 = {
  id: Id(),
  customerId: Reference('Customer'),
  status: OneOf(['OPEN', 'DONE']),
  total: MinorUnits(),
  dueAt: Nullable(Instant()),
  lines: Type.Array(Payload({ productId: Reference('Product'), quantity: Type.Integer() })),
};

/** The published form of a `shop.job.done` payload, as schema/events/ holds it. */
const published = (properties: Record<string, TSchema>, version = 1) =>
  payloadJsonSchema(
    defineContract('shop', { 'job.done': { description: 'A job was done', webhook: true, version, payload: Payload(properties) } }).events['job.done'],
  );

const { lines: _lines, ...withoutLines } = v1;

describe('payload compatibility', () => {
  it('finds nothing between a payload and itself, or one that only adds fields (required or optional)', () => {
    expect(incompatibleChanges(published(v1), published(v1))).toEqual([]);
    expect(incompatibleChanges(published(v1), published({ ...v1, notes: Type.String(), tag: Type.Optional(Type.String()) }))).toEqual([]);
  });

  it('calls a removed field, a retyped one and one made nullable or optional incompatible, naming the field', () => {
    const { total: _total, ...withoutTotal } = v1;
    expect(incompatibleChanges(published(v1), published(withoutTotal))).toEqual(['total: removed']);
    expect(incompatibleChanges(published(v1), published({ ...v1, total: Type.String() }))).toEqual(['total: retyped from integer to string']);
    expect(incompatibleChanges(published(v1), published({ ...v1, customerId: Nullable(Reference('Customer')) }))).toEqual(['customerId: made nullable']);
    expect(incompatibleChanges(published(v1), published({ ...v1, customerId: Type.Optional(Reference('Customer')) }))).toEqual(['customerId: made optional']);
  });

  it('looks inside arrays and objects, and at the values a status may take', () => {
    const lines = Type.Array(Payload({ productId: Reference('Product'), quantity: Type.Number() }));
    expect(incompatibleChanges(published(v1), published({ ...v1, lines }))).toEqual(['lines[].quantity: retyped from integer to number']);
    expect(incompatibleChanges(published(withoutLines), published({ ...withoutLines, status: OneOf(['OPEN', 'DONE', 'ARCHIVED']) }))).toEqual([
      'status: now also allows "ARCHIVED"',
    ]);
    expect(incompatibleChanges(published(withoutLines), published({ ...withoutLines, status: OneOf(['OPEN']) }))).toEqual([]); // fewer values: still all known
    expect(incompatibleChanges(published(withoutLines), published({ ...withoutLines, id: Type.String() }))).toEqual(['id: format changed from uuid to none']);
    expect(incompatibleChanges(published(withoutLines), published({ ...withoutLines, dueAt: Instant() }))).toEqual([]); // never null now: a promise kept
  });

  it('refuses an incompatible change at the same version, and takes it once the version is raised', () => {
    expect(publicationProblems('shop.job.done', published(v1), published(withoutLines))).toEqual(['shop.job.done (version 1): lines: removed']);
    expect(publicationProblems('shop.job.done', published(v1), published(withoutLines, 2))).toEqual([]);
    expect(publicationProblems('shop.job.done', published(v1, 2), published(v1, 1))).toEqual([
      'shop.job.done: version 1 is lower than the published version 2',
    ]);
  });
});

describe('checking the published event schemas', () => {
  const file = (properties: Record<string, TSchema>, version = 1) => `${JSON.stringify(published(properties, version), null, 2)}\n`;

  it('lists a file that differs, is missing or is no longer produced as stale, and refuses only incompatible changes', () => {
    const produced = new Map([
      ['shop.job.done.json', file({ ...v1, notes: Type.String() })],
      ['shop.job.created.json', file(v1)],
    ]);
    const publishedFiles = new Map([
      ['shop.job.done.json', file(v1)],
      ['shop.job.gone.json', file(v1)],
    ]);
    expect(checkEventSchemas(publishedFiles, produced)).toEqual({ stale: ['shop.job.created.json', 'shop.job.done.json', 'shop.job.gone.json'], refused: [] });
    expect(checkEventSchemas(produced, produced)).toEqual({ stale: [], refused: [] });

    const retyped = new Map([['shop.job.done.json', file({ ...v1, total: Type.String() })]]);
    expect(checkEventSchemas(publishedFiles, retyped).refused).toEqual(['shop.job.done (version 1): total: retyped from integer to string']);
    expect(checkEventSchemas(publishedFiles, new Map([['shop.job.done.json', file({ ...v1, total: Type.String() }, 2)]])).refused).toEqual([]);
  });
});
