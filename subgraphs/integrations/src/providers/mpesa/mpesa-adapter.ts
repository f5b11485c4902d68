import { ProviderAuthError, type CredentialsAdapter } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { darajaToken, mpesaCredentials, parseEnvironment, stkQuery } from './mpesa-client.ts';

/** A CheckoutRequestID no push has: querying it shows whether Daraja accepts the shortcode and passkey. */
const PROBE_CHECKOUT_REQUEST_ID = 'ws_CO_01012000000000000000';

/**
 * M-Pesa (Safaricom Daraja, Lipa Na M-Pesa Online): the app's consumer key and secret, the paybill or till
 * shortcode and its passkey, and the environment (sandbox or production). The key and secret are checked
 * by getting an OAuth token; the shortcode and passkey by an STK query for a push that does not exist,
 * which Daraja refuses with "Wrong credentials" or "Merchant does not exist" when they are wrong (every
 * callback is confirmed by such a query, so wrong ones would refuse every payment).
 */
export const mpesaAdapter: CredentialsAdapter = {
  auth: 'credentials',
  provider: Provider.MPESA,
  fields: [
    { name: 'consumerKey', label: 'Consumer key', secret: true },
    { name: 'consumerSecret', label: 'Consumer secret', secret: true },
    { name: 'shortcode', label: 'Business shortcode (paybill or till)', secret: false },
    { name: 'passkey', label: 'Lipa Na M-Pesa Online passkey', secret: true },
    { name: 'environment', label: 'Environment: sandbox or production', secret: false },
  ],
  async verify(stored) {
    if (!parseEnvironment(stored.environment)) throw new ProviderAuthError('The environment is sandbox or production');
    if (!/^\d{5,8}$/.test(stored.shortcode ?? '')) throw new ProviderAuthError('The shortcode is the paybill or till number, digits only');
    const credentials = mpesaCredentials(stored);
    if (!credentials) throw new ProviderAuthError('Every M-Pesa field is required');
    await darajaToken(credentials, { fresh: true });
    await stkQuery(credentials, PROBE_CHECKOUT_REQUEST_ID); // throws ProviderAuthError for a refused shortcode or passkey
    return { accountName: `M-Pesa ${credentials.shortcode} (${credentials.environment})`, externalAccountId: credentials.shortcode };
  },
};
