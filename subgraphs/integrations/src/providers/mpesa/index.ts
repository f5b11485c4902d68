import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { mpesaAdapter } from './mpesa-adapter.ts';
import { verifyMpesaCallback } from './mpesa-webhook.ts';

/** M-Pesa (Safaricom Daraja): mobile-money payments, and its callbacks. */
export const mpesa = defineProvider({ provider: Provider.MPESA, adapter: mpesaAdapter, webhooks: { verify: verifyMpesaCallback } });
