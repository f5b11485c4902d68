import { providerModule } from '../providers/index.ts';
import { type Provider } from '../providers/provider.ts';

export const webhookVerifierFor = (provider: Provider) => providerModule(provider)?.webhooks?.verify;
export const webhookAccountsFor = (provider: Provider) => providerModule(provider)?.webhooks?.accountsOf;
export const webhookHandshakeFor = (provider: Provider) => providerModule(provider)?.webhooks?.handshake;
