import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { type Syncer } from '../../sync/syncer.ts';
import { stripeAdapter } from './stripe-adapter.ts';
import { stripeCustomersSyncer } from './stripe-customers-syncer.ts';
import { verifyStripeWebhook } from './stripe-webhook.ts';

/** Stripe: card payments, its signed webhooks, and customers synced both ways. */
export const stripe = defineProvider({
  provider: Provider.STRIPE,
  adapter: stripeAdapter,
  webhooks: { verify: verifyStripeWebhook },
  syncers: [stripeCustomersSyncer as Syncer],
});
