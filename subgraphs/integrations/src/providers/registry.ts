import { type ProviderAdapter } from './adapter.ts';
import { Provider } from './provider.ts';
import { stripeAdapter } from './stripe/stripe-adapter.ts';

/** The adapter of each provider that can be connected today. */
const adapters: Partial<Record<Provider, ProviderAdapter>> = {
  [Provider.STRIPE]: stripeAdapter,
};

export function adapterFor(provider: Provider): ProviderAdapter | undefined {
  return adapters[provider];
}

export const connectableProviders = () => Object.values(Provider).filter((provider) => adapters[provider]);
