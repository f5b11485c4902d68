import { quickbooksCustomersSyncer } from '../providers/quickbooks/quickbooks-customers-syncer.ts';
import { stripeCustomersSyncer } from '../providers/stripe/stripe-customers-syncer.ts';
import { type Provider } from '../providers/provider.ts';
import { type Syncer } from './syncer.ts';

/** Every sync the product can run, by provider and subject. */
const SYNCERS: Syncer[] = [stripeCustomersSyncer as Syncer, quickbooksCustomersSyncer as Syncer];

export const syncersFor = (provider: Provider) => SYNCERS.filter((syncer) => syncer.provider === provider);
export const syncerFor = (provider: Provider, subject: string) => SYNCERS.find((syncer) => syncer.provider === provider && syncer.subject === subject);
