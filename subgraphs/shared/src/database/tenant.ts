import { type EntityManager, type EventArgs, type EventSubscriber, type FilterDef } from '@mikro-orm/core';
import { TenantOwned } from './base-entity.ts';

export const TENANT_FILTER = 'tenant';

/** Filter param for callers without an organization: matches no row, so nothing leaks by default. */
export const NO_TENANT = '00000000-0000-0000-0000-000000000000';

export const isTenantOwnedClass = (entity: unknown): boolean => typeof entity === 'function' && entity.prototype instanceof TenantOwned;

/** The MikroORM filter that scopes every query on a tenant-owned entity to the caller's organization. */
export function tenantFilter(entities: Function[]): FilterDef {
  return {
    name: TENANT_FILTER,
    cond: (args: { tenantId: string }) => ({ tenantId: args.tenantId }),
    default: true,
    entity: entities.filter(isTenantOwnedClass) as FilterDef['entity'],
  };
}

/** Returns the tenant an EntityManager is scoped to. */
export function scopedTenant(em: EntityManager): string | undefined {
  const params = em.getFilterParams(TENANT_FILTER) as { tenantId?: string } | undefined;
  return params?.tenantId;
}

/** Binds an EntityManager to one organization for the rest of its life (a request, a job). */
export function scopeToTenant<T extends EntityManager>(em: T, tenantId: string | null): T {
  em.setFilterParams(TENANT_FILTER, { tenantId: tenantId ?? NO_TENANT });
  return em;
}

/**
 * Second line of defence behind the filter: a new tenant-owned row takes the EntityManager's tenant, and
 * a row whose tenant differs from it is never written.
 */
export class TenantGuard implements EventSubscriber<TenantOwned> {
  beforeCreate(args: EventArgs<TenantOwned>): void {
    this.check(args, true);
  }

  beforeUpdate(args: EventArgs<TenantOwned>): void {
    this.check(args, false);
  }

  beforeDelete(args: EventArgs<TenantOwned>): void {
    this.check(args, false);
  }

  private check({ entity, em }: EventArgs<TenantOwned>, creating: boolean): void {
    if (!(entity instanceof TenantOwned)) return;
    const tenantId = scopedTenant(em);
    if (tenantId === undefined) return; // system work (seeding, migrations) runs unscoped on purpose
    if (creating && !entity.tenantId) entity.tenantId = tenantId;
    if (entity.tenantId !== tenantId) throw new Error(`Refused to write ${entity.constructor.name} of another tenant`);
  }
}
