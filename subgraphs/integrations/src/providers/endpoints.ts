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
  /** Unset: the connection's environment picks Daraja's sandbox or production origin. */
  mpesa: () => process.env.MPESA_API_URL || undefined,
  nhtsa: () => env('NHTSA_API_URL', 'https://vpic.nhtsa.dot.gov'),
  /** Origin serving Google's OAuth paths (`/o/oauth2/v2/auth`, `/token`, `/revoke`); unset: Google's own hosts. */
  googleOAuth: () => process.env.GOOGLE_OAUTH_URL || undefined,
  /** googleapis' `rootUrl` (Calendar, Drive, userinfo); unset: https://www.googleapis.com/. */
  googleApi: () => process.env.GOOGLE_API_URL || undefined,
  /** DocuSign's account server, `host[:port]`, always https (`account-d.docusign.com` for developer accounts). */
  docusignOAuthHost: () => env('DOCUSIGN_OAUTH_HOST', 'account.docusign.com'),
  /** Overrides the REST origin userinfo gives each account (`base_uri`); unset: the account's own. */
  docusignApi: () => process.env.DOCUSIGN_API_URL || undefined,
  /** A PEM certificate trusted, on top of the public roots, for calls to DocuSign's account server only. */
  docusignCaFile: () => process.env.DOCUSIGN_CA_FILE || undefined,
  /** Origin serving Intuit's OAuth paths (`/connect/oauth2`, `/oauth2/v1/tokens/bearer`, …); unset: Intuit's own hosts. */
  quickbooksOAuth: () => process.env.QUICKBOOKS_OAUTH_URL || undefined,
  /** `sandbox` (developer companies) or `production`. */
  quickbooksEnvironment: (): 'sandbox' | 'production' => (process.env.QUICKBOOKS_ENVIRONMENT === 'sandbox' ? 'sandbox' : 'production'),
  /** The QuickBooks Online REST origin; unset: the environment's. */
  quickbooksApi: () => process.env.QUICKBOOKS_API_URL || undefined,
  /** The app's webhook verifier token (Intuit developer portal → Webhooks); it signs `intuit-signature`. */
  quickbooksWebhookVerifier: () => process.env.QUICKBOOKS_WEBHOOK_VERIFIER || undefined,
};

/** Atelier's own registration (client ID and secret) at an OAuth provider, from `<PREFIX>_CLIENT_ID` / `_SECRET`; undefined when not configured. */
export function oauthClientCredentials(prefix: 'GOOGLE' | 'DOCUSIGN' | 'QUICKBOOKS'): { clientId: string; clientSecret: string } | undefined {
  const clientId = process.env[`${prefix}_CLIENT_ID`];
  const clientSecret = process.env[`${prefix}_CLIENT_SECRET`];
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

/** The public origin providers send people and webhooks back to (the gateway); the kit keeps it with the admin's. */
export { publicUrl } from '@atelier/kit';
