import { FormatRegistry, Type, type Static, type TObject, type TLiteral, type TProperties, type TSchema, type TUnion } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';

/**
 * A subgraph's contract: the events it publishes, what each means and the payload it carries, declared
 * once as data. The producer's publish is checked against it (at compile time by its types, at run time
 * by its schema), consumers are typed by it, and `npm run schema` publishes it as JSON Schema for partners.
 * A contract module holds declarations only (no ORM, no resolvers), so other subgraphs may import it.
 */

/** How one event is declared in a contract. */
export interface EventSpec<P extends TSchema = TSchema> {
  /** What happened, for the engineers of other subgraphs and for partners. */
  description: string;
  /** Whether partners may receive it by outgoing webhook (otherwise it is internal plumbing). */
  webhook: boolean;
  /**
   * Raised on every change of the payload that could break a consumer (a field removed, retyped or made
   * nullable); `npm run check:schema` refuses such a change under the same version.
   */
  version: number;
  payload: P;
}

/** A declared event, as producers publish it and consumers subscribe to it. */
export interface EventType<N extends string = string, P extends TSchema = TSchema> extends EventSpec<P> {
  /** `<subgraph>.<entity>.<verb>` */
  readonly name: N;
  readonly subgraph: string;
}

/** The payload an event type carries. */
export type PayloadOf<E extends EventType> = Static<E['payload']>;

export interface Contract<S extends string = string, E extends Record<string, EventSpec> = Record<string, EventSpec>> {
  readonly subgraph: S;
  readonly events: { readonly [K in keyof E & string]: EventType<`${S}.${K}`, E[K]['payload']> };
}

/** Declares the events of one subgraph, named `<entity>.<verb>` here and `<subgraph>.<entity>.<verb>` on the bus. */
export function defineContract<const S extends string, const E extends Record<string, EventSpec>>(subgraph: S, events: E): Contract<S, E> {
  const declared = Object.fromEntries(
    Object.entries(events).map(([key, spec]) => {
      if (!/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(key)) throw new Error(`Event ${subgraph}.${key}: name it <entity>.<verb> in camelCase`);
      if (!Number.isInteger(spec.version) || spec.version < 1) throw new Error(`Event ${subgraph}.${key}: version must be a positive integer`);
      return [key, Object.freeze({ ...spec, name: `${subgraph}.${key}`, subgraph })];
    }),
  );
  return Object.freeze({ subgraph, events: Object.freeze(declared) }) as unknown as Contract<S, E>;
}

/** The three events of an entity written through the kit's CRUD: created, updated (with what changed), deleted. */
export function crudEvents<const K extends string, P extends TObject>(entity: K, thing: string, payload: P, options: { webhook: boolean; version?: number }) {
  const version = options.version ?? 1;
  return {
    [`${entity}.created`]: { description: `A ${thing} was created`, webhook: options.webhook, version, payload },
    [`${entity}.updated`]: { description: `A ${thing} was changed`, webhook: options.webhook, version, payload: changed(payload) },
    [`${entity}.deleted`]: { description: `A ${thing} was deleted; the payload is how it was`, webhook: options.webhook, version, payload },
  } as {
    [V in 'created' | 'updated' | 'deleted' as `${K}.${V}`]: EventSpec<V extends 'updated' ? ReturnType<typeof changed<P>> : P>;
  };
}

/** A snapshot plus the names of the fields a change touched. */
export function changed<P extends TObject>(payload: P) {
  return Type.Composite([payload, Type.Object({ changed: Type.Array(Type.String(), { description: 'The fields this change set' }) })], {
    additionalProperties: false,
  });
}

/** The created/updated/deleted event types of one entity in a contract, for the kit's CRUD resolvers. */
export function crudEventsOf<K extends string, E extends { readonly [N in `${K}.created` | `${K}.updated` | `${K}.deleted`]: EventType }>(
  events: E,
  entity: K,
) {
  return {
    created: events[`${entity}.created`] as E[`${K}.created`],
    updated: events[`${entity}.updated`] as E[`${K}.updated`],
    deleted: events[`${entity}.deleted`] as E[`${K}.deleted`],
  };
}

// ---- building blocks of payloads: what JSON carries, never ORM types ----

/**
 * A payload object: exactly these fields (an extra one is refused at publish, so nothing of the storage
 * row leaks into a contract by a spread).
 */
export const Payload = <P extends TProperties>(properties: P, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description && { description }) });

FormatRegistry.Set('uuid', (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value));
FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value));
FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value));

/** An ID of another record; `type` says which (the owner knows its record is held by this one). */
export const Reference = (type: string, description?: string) => Type.String({ format: 'uuid', 'x-references': type, ...(description && { description }) });
export const Id = (description?: string) => Type.String({ format: 'uuid', ...(description && { description }) });
/** An instant as ISO 8601 text (`toISOString()`). */
export const Instant = (description?: string) => Type.String({ format: 'date-time', ...(description && { description }) });
/** One of a fixed set of words (a status). */
export const OneOf = <const V extends readonly [string, ...string[]]>(values: V, description?: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    description ? { description } : {},
  ) as unknown as TUnion<{ [I in keyof V]: TLiteral<V[I]> } & TSchema[]>;
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** When an archivable record was archived (`ArchivableEntity`); null while in use. */
export const ArchivedAt = () => Nullable(Instant('When it was archived (kept for history, left out of lists); null while in use'));
/** An amount in minor units of a currency (cents). */
export const MinorUnits = (description?: string) => Type.Integer({ description: description ?? 'In minor units of the currency (cents)' });

/** The events a name refers to across contracts, and which contract they belong to. */
export interface EventCatalogue {
  readonly types: readonly EventType[];
  get(name: string): EventType | undefined;
  webhookTypes(): EventType[];
}

/** All contracts together (partners' webhook catalogue, the published JSON Schema): no name declared twice. */
export function assembleContracts(contracts: readonly Contract[]): EventCatalogue {
  const byName = new Map<string, EventType>();
  for (const contract of contracts) {
    for (const type of Object.values(contract.events)) {
      if (byName.has(type.name)) throw new Error(`Event ${type.name} is declared twice`);
      byName.set(type.name, type);
    }
  }
  const types = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { types, get: (name) => byName.get(name), webhookTypes: () => types.filter((type) => type.webhook) };
}

const checks = new WeakMap<TSchema, TypeCheck<TSchema>>();

/** Why `data` is not a payload of `type` (empty when it is); compiled once per event type. */
export function payloadErrors(type: EventType, data: unknown): string[] {
  let check = checks.get(type.payload);
  if (!check) checks.set(type.payload, (check = TypeCompiler.Compile(type.payload)));
  if (check.Check(data)) return [];
  return [...check.Errors(data)].slice(0, 5).map((error) => `${error.path || '/'}: ${error.message}`);
}

/** The payload's published form (JSON Schema, draft 2020-12 keywords TypeBox emits), with the event's meaning. */
export function payloadJsonSchema(type: EventType): Record<string, unknown> {
  // the event's description says what happened; the payload's own (what a snapshot is) must not replace it
  const { description: _payload, ...payload } = JSON.parse(JSON.stringify(type.payload)) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://atelier.dev/schema/events/${type.name}.json`,
    title: type.name,
    description: type.description,
    'x-version': type.version,
    ...payload,
  };
}

/** An event as a consumer receives it: the envelope plus the payload its contract declares. */
export interface Delivered<N extends string = string, D = unknown> {
  /** Stable across redeliveries: deduplicate at-least-once delivery with it. */
  id: string;
  name: N;
  /** The contract version the payload was published under. */
  version: number;
  tenantId: string;
  entityId: string;
  actorId?: string | null;
  occurredAt: string;
  data: D;
}

/** What a consumer of these event types receives: a union discriminated by `name`. */
export type DeliveredOf<E extends EventType> = E extends EventType<infer N, infer P> ? Delivered<N, Static<P>> : never;
