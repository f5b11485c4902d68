import { type Static } from '@atelier/kit';
import { type ServiceItemSnapshot } from '../contract.ts';
import { type ServiceItem } from './service-item.entity.ts';

/** The one mapping from workshop's storage to its contract. */
export const serviceItemSnapshot = (item: ServiceItem): Static<typeof ServiceItemSnapshot> => ({
  id: item.id,
  code: item.code,
  name: item.name,
  kind: item.kind,
  description: item.description ?? null,
  standardHours: item.standardHours ?? null,
  rate: item.rate,
  currency: item.currency,
  taxable: item.taxable,
  active: item.active,
  createdAt: item.createdAt.toISOString(),
  updatedAt: item.updatedAt.toISOString(),
  archivedAt: item.archivedAt?.toISOString() ?? null,
});
