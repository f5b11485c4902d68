import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { resendAdapter } from './resend-adapter.ts';
import { verifyResendWebhook } from './resend-webhook.ts';

/** Resend: email, and its signed (Svix) delivery events. */
export const resend = defineProvider({ provider: Provider.RESEND, adapter: resendAdapter, webhooks: { verify: verifyResendWebhook } });
