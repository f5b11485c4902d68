import { type Syncer } from '../sync/syncer.ts';
import { type WebhookHandshake, type WebhookVerifier } from '../webhooks-in/verifier.ts';
import { type ProviderAdapter } from './adapter.ts';
import { type Provider } from './provider.ts';

/**
 * Everything one provider brings, declared once in its folder's `index.ts`: how it connects, how its
 * webhooks are checked, what it syncs. Adding a provider is its folder plus one line in `providers/index.ts`
 * (and its name in the `Provider` enum, which the API shows).
 */
export interface ProviderModule {
  provider: Provider;
  adapter: ProviderAdapter;
  webhooks?: {
    /** Checks the provider's signature over the raw bytes. */
    verify: WebhookVerifier;
    /** Its GET to the webhook URL before it sends anything (Meta's `hub.challenge`). */
    handshake?: WebhookHandshake;
    /** For providers posting every account's webhooks to one app-wide URL: which accounts a delivery is for. */
    accountsOf?: (rawBody: string) => string[] | null;
  };
  syncers?: Syncer[];
}

export const defineProvider = (module: ProviderModule): ProviderModule => module;
