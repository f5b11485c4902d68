import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { googleAdapter } from './google-adapter.ts';
import { verifyGooglePush } from './google-webhook.ts';

/** Google: OAuth, Calendar push notifications (channel tokens), Drive. */
export const google = defineProvider({ provider: Provider.GOOGLE, adapter: googleAdapter, webhooks: { verify: verifyGooglePush } });
