import { docusign } from './docusign/index.ts';
import { google } from './google/index.ts';
import { mpesa } from './mpesa/index.ts';
import { type ProviderModule } from './provider-module.ts';
import { type Provider } from './provider.ts';
import { quickbooks } from './quickbooks/index.ts';
import { resend } from './resend/index.ts';
import { stripe } from './stripe/index.ts';
import { twilio } from './twilio/index.ts';
import { whatsapp } from './whatsapp/index.ts';

/** Every provider that can be connected: one line each. */
export const PROVIDERS: readonly ProviderModule[] = [stripe, google, docusign, quickbooks, twilio, whatsapp, resend, mpesa];

export const providerModule = (provider: Provider) => PROVIDERS.find((module) => module.provider === provider);
