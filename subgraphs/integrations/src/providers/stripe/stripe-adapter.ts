import { type CredentialsAdapter } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { stripeClient, stripeError } from './stripe-client.ts';

export const stripeAdapter: CredentialsAdapter = {
  auth: 'credentials',
  provider: Provider.STRIPE,
  fields: [
    { name: 'secretKey', label: 'Secret key (sk_…)', secret: true },
    { name: 'webhookSecret', label: 'Webhook signing secret (whsec_…)', secret: true },
  ],
  async verify({ secretKey }) {
    try {
      const account = await stripeClient(secretKey as string).accounts.retrieveCurrent();
      const name = account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? account.email ?? account.id;
      return { accountName: name, externalAccountId: account.id };
    } catch (error) {
      throw stripeError(error);
    }
  },
};
