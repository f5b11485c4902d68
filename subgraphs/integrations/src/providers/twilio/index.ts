import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { twilioAdapter } from './twilio-adapter.ts';
import { verifyTwilioWebhook } from './twilio-webhook.ts';

/** Twilio: SMS, and its signed status callbacks. */
export const twilio = defineProvider({ provider: Provider.TWILIO, adapter: twilioAdapter, webhooks: { verify: verifyTwilioWebhook } });
