import { ProviderAuthError, ProviderUnavailableError, type CredentialsAdapter } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { GraphRequestError, graphRequest } from './whatsapp-client.ts';

interface PhoneNumber {
  id: string;
  display_phone_number?: string;
  verified_name?: string;
}

/**
 * WhatsApp Business (Meta Cloud API): the business phone number's ID and a (system user) access token for
 * the API; the app secret that signs webhooks (`X-Hub-Signature-256`) and the verify token Meta sends in
 * its subscription handshake, both checked by the webhook route.
 */
export const whatsappAdapter: CredentialsAdapter = {
  auth: 'credentials',
  provider: Provider.WHATSAPP,
  fields: [
    { name: 'phoneNumberId', label: 'Phone number ID', secret: false },
    { name: 'accessToken', label: 'Access token (system user)', secret: true },
    { name: 'appSecret', label: 'App secret (signs webhooks)', secret: true },
    { name: 'verifyToken', label: 'Webhook verify token (you choose it; enter the same one at Meta)', secret: true },
  ],
  async verify({ phoneNumberId, accessToken }) {
    if (!/^\d+$/.test(phoneNumberId ?? '')) throw new ProviderAuthError('The phone number ID is the number Meta shows in WhatsApp Manager, digits only');
    try {
      const number = await graphRequest<PhoneNumber>(accessToken as string, encodeURIComponent(phoneNumberId as string), {
        query: { fields: 'display_phone_number,verified_name' },
      });
      const name = [number.verified_name, number.display_phone_number && `(${number.display_phone_number})`].filter(Boolean).join(' ');
      return { accountName: name || number.id, externalAccountId: number.id };
    } catch (error) {
      // code 100 (subcode 33: no such object, or the token cannot see it): the phone number ID is wrong for this token
      if (error instanceof GraphRequestError && error.error.code === 100)
        throw new ProviderAuthError(`WhatsApp does not know this phone number ID for this token: ${error.message}`);
      if (error instanceof GraphRequestError) throw new ProviderUnavailableError(`WhatsApp answered ${error.status}: ${error.message}`);
      throw error;
    }
  },
};
