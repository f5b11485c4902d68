import { Provider } from '../providers/provider.ts';
import { verifyStripeWebhook } from '../providers/stripe/stripe-webhook.ts';
import { type WebhookVerifier } from './verifier.ts';

const verifiers: Partial<Record<Provider, WebhookVerifier>> = {
  [Provider.STRIPE]: verifyStripeWebhook,
};

export const webhookVerifierFor = (provider: Provider) => verifiers[provider];
