import { verifyDocuSignWebhook } from '../providers/docusign/docusign-webhook.ts';
import { verifyGooglePush } from '../providers/google/google-webhook.ts';
import { verifyMpesaCallback } from '../providers/mpesa/mpesa-webhook.ts';
import { Provider } from '../providers/provider.ts';
import { quickbooksRealmsOf, verifyQuickBooksWebhook } from '../providers/quickbooks/quickbooks-webhook.ts';
import { verifyResendWebhook } from '../providers/resend/resend-webhook.ts';
import { verifyStripeWebhook } from '../providers/stripe/stripe-webhook.ts';
import { verifyTwilioWebhook } from '../providers/twilio/twilio-webhook.ts';
import { answerWhatsAppHandshake, verifyWhatsAppWebhook } from '../providers/whatsapp/whatsapp-webhook.ts';
import { type WebhookHandshake, type WebhookVerifier } from './verifier.ts';

const verifiers: Partial<Record<Provider, WebhookVerifier>> = {
  [Provider.STRIPE]: verifyStripeWebhook,
  [Provider.GOOGLE]: verifyGooglePush,
  [Provider.DOCUSIGN]: verifyDocuSignWebhook,
  [Provider.QUICKBOOKS]: verifyQuickBooksWebhook,
  [Provider.TWILIO]: verifyTwilioWebhook,
  [Provider.WHATSAPP]: verifyWhatsAppWebhook,
  [Provider.RESEND]: verifyResendWebhook,
  [Provider.MPESA]: verifyMpesaCallback,
};

/** Providers that GET the webhook URL to check it before sending anything. */
const handshakes: Partial<Record<Provider, WebhookHandshake>> = {
  [Provider.WHATSAPP]: answerWhatsAppHandshake,
};

/** Providers posting every account's webhooks to one app-wide URL: which accounts (external IDs) a delivery is for. */
const appWideAccounts: Partial<Record<Provider, (rawBody: string) => string[] | null>> = {
  [Provider.QUICKBOOKS]: quickbooksRealmsOf,
};

export const webhookVerifierFor = (provider: Provider) => verifiers[provider];
export const webhookAccountsFor = (provider: Provider) => appWideAccounts[provider];
export const webhookHandshakeFor = (provider: Provider) => handshakes[provider];
