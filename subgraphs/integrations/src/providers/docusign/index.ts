import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { docusignAdapter } from './docusign-adapter.ts';
import { verifyDocuSignWebhook } from './docusign-webhook.ts';

/** DocuSign: OAuth, envelopes for e-signature, and Connect's HMAC-signed status events. */
export const docusign = defineProvider({ provider: Provider.DOCUSIGN, adapter: docusignAdapter, webhooks: { verify: verifyDocuSignWebhook } });
