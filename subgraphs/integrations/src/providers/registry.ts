import { type ProviderAdapter } from './adapter.ts';
import { PROVIDERS, providerModule } from './index.ts';
import { Provider } from './provider.ts';

export function adapterFor(provider: Provider): ProviderAdapter | undefined {
  return providerModule(provider)?.adapter;
}

export const connectableProviders = () => Object.values(Provider).filter((provider) => PROVIDERS.some((module) => module.provider === provider));
