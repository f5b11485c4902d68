import { env } from '@atelier/kit';

/**
 * Where each provider is. Unset means the real provider; tests and `npm run demo` point these at the
 * local fakes (the real SDKs are used either way). Read at call time, so a test process can set them.
 */
export const endpoints = {
  stripe: () => process.env.STRIPE_API_URL,
  twilio: () => process.env.TWILIO_API_URL,
  resend: () => process.env.RESEND_API_URL,
  whatsapp: () => env('WHATSAPP_GRAPH_URL', 'https://graph.facebook.com'),
  whatsappVersion: () => env('WHATSAPP_GRAPH_VERSION', 'v21.0'),
  mpesa: () => env('MPESA_API_URL', 'https://sandbox.safaricom.co.ke'),
  nhtsa: () => env('NHTSA_API_URL', 'https://vpic.nhtsa.dot.gov'),
};

/** The public origin providers send people and webhooks back to (the gateway). */
export const publicUrl = () => env('PUBLIC_URL', 'http://localhost:4000').replace(/\/$/, '');
