import { PROVIDERS } from '../providers/index.ts';
import { type Provider } from '../providers/provider.ts';

/** Every sync the product can run, by provider and subject: each provider's module declares its own. */
const SYNCERS = () => PROVIDERS.flatMap((module) => module.syncers ?? []);

export const syncersFor = (provider: Provider) => SYNCERS().filter((syncer) => syncer.provider === provider);
export const syncerFor = (provider: Provider, subject: string) => SYNCERS().find((syncer) => syncer.provider === provider && syncer.subject === subject);
