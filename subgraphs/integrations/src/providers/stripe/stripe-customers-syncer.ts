import type Stripe from 'stripe';
import { readSecrets } from '../../connections/connection.service.ts';
import { type Syncer } from '../../sync/syncer.ts';
import { SyncDirection } from '../../sync/sync-run.entity.ts';
import { ProviderAuthError } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { stripeClient, stripeError } from './stripe-client.ts';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Atelier's customers as Stripe customers, so payments and invoices can be attached to them. */
export const stripeCustomersSyncer: Syncer<Stripe> = {
  provider: Provider.STRIPE,
  subject: 'customers',
  entityType: 'customer',
  direction: SyncDirection.PUSH,
  async client(context, connection) {
    const { credentials } = await readSecrets(context.em, connection);
    if (!credentials?.secretKey) throw new ProviderAuthError('No Stripe secret key is stored; connect Stripe again');
    return stripeClient(credentials.secretKey);
  },
  toExternal: (record) => ({
    name: text(record.data.name) ?? '',
    email: text(record.data.email) ?? '',
    phone: text(record.data.phone) ?? '',
    metadata: { atelier_customer_id: record.internalId },
  }),
  async create(stripe, payload, record) {
    try {
      // the key makes a retried create (a crash between Stripe's answer and our mapping) return the same customer
      const customer = await stripe.customers.create(payload as Stripe.CustomerCreateParams, { idempotencyKey: `atelier-customer-${record.internalId}` });
      return customer.id;
    } catch (error) {
      throw stripeError(error);
    }
  },
  async update(stripe, externalId, payload) {
    try {
      await stripe.customers.update(externalId, payload as Stripe.CustomerUpdateParams);
    } catch (error) {
      throw stripeError(error);
    }
  },
};
