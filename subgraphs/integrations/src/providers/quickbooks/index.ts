import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { type Syncer } from '../../sync/syncer.ts';
import { quickbooksAdapter } from './quickbooks-adapter.ts';
import { quickbooksCustomersSyncer } from './quickbooks-customers-syncer.ts';
import { quickbooksRealmsOf, verifyQuickBooksWebhook } from './quickbooks-webhook.ts';

/** QuickBooks Online: OAuth, its app-wide signed webhooks, and customers synced both ways. */
export const quickbooks = defineProvider({
  provider: Provider.QUICKBOOKS,
  adapter: quickbooksAdapter,
  webhooks: { verify: verifyQuickBooksWebhook, accountsOf: quickbooksRealmsOf },
  syncers: [quickbooksCustomersSyncer as Syncer],
});
