import { type ProviderAdapter } from './adapter.ts';
import { docusignAdapter } from './docusign/docusign-adapter.ts';
import { googleAdapter } from './google/google-adapter.ts';
import { Provider } from './provider.ts';
import { mpesaAdapter } from './mpesa/mpesa-adapter.ts';
import { quickbooksAdapter } from './quickbooks/quickbooks-adapter.ts';
import { resendAdapter } from './resend/resend-adapter.ts';
import { stripeAdapter } from './stripe/stripe-adapter.ts';
import { twilioAdapter } from './twilio/twilio-adapter.ts';
import { whatsappAdapter } from './whatsapp/whatsapp-adapter.ts';

/** The adapter of each provider that can be connected today. */
const adapters: Partial<Record<Provider, ProviderAdapter>> = {
  [Provider.STRIPE]: stripeAdapter,
  [Provider.GOOGLE]: googleAdapter,
  [Provider.DOCUSIGN]: docusignAdapter,
  [Provider.QUICKBOOKS]: quickbooksAdapter,
  [Provider.TWILIO]: twilioAdapter,
  [Provider.WHATSAPP]: whatsappAdapter,
  [Provider.RESEND]: resendAdapter,
  [Provider.MPESA]: mpesaAdapter,
};

export function adapterFor(provider: Provider): ProviderAdapter | undefined {
  return adapters[provider];
}

export const connectableProviders = () => Object.values(Provider).filter((provider) => adapters[provider]);
