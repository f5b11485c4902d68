import { randomUUID } from 'node:crypto';
import { type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { anonymousCaller, type CallerContext } from '../auth/signed-context.ts';
import { scopeToTenant } from '../database/tenant.ts';
import { unauthenticated } from '../errors.ts';
import { type EventBus } from '../events/event-bus.ts';
import { logger, type Logger } from '../logger.ts';

/** What every resolver gets: the verified caller and an EntityManager of its own, scoped to the caller's tenant. */
export interface SubgraphContext {
  caller: CallerContext;
  em: EntityManager;
  /** A fresh EntityManager for the same tenant (subscriptions load each change with a new one). */
  freshEm(): EntityManager;
  bus: EventBus;
  requestId: string;
  log: Logger;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

export function createContext(orm: MikroORM, bus: EventBus, caller: CallerContext | null, requestId?: string | null): SubgraphContext {
  const who = caller ?? anonymousCaller();
  const freshEm = () => scopeToTenant(orm.em.fork({ clear: true }), who.tenantId);
  const id = requestId || randomUUID();
  return {
    caller: who,
    em: freshEm(),
    freshEm,
    bus,
    requestId: id,
    log: logger.child({ requestId: id, tenantId: who.tenantId, actorId: who.actorId }),
    loaders: new Map(),
  };
}

/** The caller's organization; UNAUTHENTICATED when the caller has none. */
export function requireTenant(context: SubgraphContext): string {
  if (!context.caller.tenantId) throw unauthenticated();
  return context.caller.tenantId;
}

/**
 * A per-request DataLoader: every `load` in one tick becomes one batch, so a list of N parents costs one
 * query instead of N. `batch` returns results in any order; `keyOf` says which key each belongs to.
 */
export function loader<K, V>(context: SubgraphContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let existing = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!existing) {
    existing = new DataLoader<K, V>(async (keys) => batch(keys));
    context.loaders.set(name, existing as DataLoader<unknown, unknown>);
  }
  return existing;
}

/** Groups rows by a key for a loader that returns lists (`Customer.vehicles`). */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Matches rows to keys for a loader that returns one item per key (`_entities`), null when absent. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}
