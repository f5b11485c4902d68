import { ProviderAuthError, type CredentialsAdapter } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { ACCOUNT_SID, twilioClient, twilioError } from './twilio-client.ts';

/**
 * Twilio (SMS): the Account SID and auth token. The auth token also signs Twilio's webhooks
 * (`X-Twilio-Signature`), so there is no separate webhook secret.
 */
export const twilioAdapter: CredentialsAdapter = {
  auth: 'credentials',
  provider: Provider.TWILIO,
  fields: [
    { name: 'accountSid', label: 'Account SID (AC…)', secret: false },
    { name: 'authToken', label: 'Auth token', secret: true },
  ],
  async verify({ accountSid, authToken }) {
    if (!ACCOUNT_SID.test(accountSid ?? '')) throw new ProviderAuthError('The Account SID is AC followed by 32 hexadecimal characters');
    const { client, httpClient } = twilioClient(accountSid as string, authToken as string);
    let account;
    try {
      account = await client.api.v2010.accounts(accountSid as string).fetch();
    } catch (error) {
      throw twilioError(error, httpClient);
    }
    if (account.status !== 'active') throw new ProviderAuthError(`The Twilio account is ${account.status}`);
    return { accountName: account.friendlyName || account.sid, externalAccountId: account.sid };
  },
};
