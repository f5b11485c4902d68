import { type Static } from '@atelier/kit';
import { type CustomerSnapshot } from '../contract.ts';
import { type Customer } from './customer.entity.ts';

/** The one mapping from crm's storage to its contract. */
export const customerSnapshot = (customer: Customer): Static<typeof CustomerSnapshot> => ({
  id: customer.id,
  kind: customer.kind,
  name: customer.name,
  email: customer.email ?? null,
  phone: customer.phone ?? null,
  preferredChannel: customer.preferredChannel ?? null,
  status: customer.status,
  score: customer.score,
  tags: [...customer.tags],
  createdAt: customer.createdAt.toISOString(),
  updatedAt: customer.updatedAt.toISOString(),
  archivedAt: customer.archivedAt?.toISOString() ?? null,
});
