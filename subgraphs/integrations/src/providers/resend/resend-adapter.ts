import { Webhook } from 'standardwebhooks';
import { ProviderAuthError, type CredentialsAdapter } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { RESEND_TIMEOUT_MS, resendClient, resendError } from './resend-client.ts';

/** A Standard Webhooks secret: `whsec_` + base64 of the key. */
function checkWebhookSecret(secret: string) {
  try {
    if (!secret.startsWith('whsec_')) throw new Error('no prefix');
    new Webhook(secret);
  } catch {
    throw new ProviderAuthError('The webhook signing secret is whsec_ followed by base64, as Resend shows it');
  }
}

/**
 * Resend (email): an API key, and the signing secret of the webhook endpoint created for Atelier at Resend
 * (Svix-signed deliveries). The key is checked by listing the team's domains; a sending-only key
 * (`sending_access`) is refused there with `restricted_api_key`, which proves the key is genuine: it is
 * accepted, and the account name says it can only send.
 */
export const resendAdapter: CredentialsAdapter = {
  auth: 'credentials',
  provider: Provider.RESEND,
  fields: [
    { name: 'apiKey', label: 'API key (re_…)', secret: true },
    { name: 'webhookSecret', label: 'Webhook signing secret (whsec_…)', secret: true },
  ],
  async verify({ apiKey, webhookSecret }) {
    checkWebhookSecret(webhookSecret as string);
    const result = await resendClient(apiKey as string).domains.list({}, { signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) });
    if (result.error?.name === 'restricted_api_key') return { accountName: 'Resend (sending-only API key)' };
    if (result.error) throw resendError({ error: result.error, headers: result.headers });
    const domains = result.data.data.map((domain) => (domain.status === 'verified' ? domain.name : `${domain.name} (${domain.status})`));
    return { accountName: domains.length ? `Resend: ${domains.join(', ')}` : 'Resend (no domain yet)' };
  },
};
