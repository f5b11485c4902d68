// Google, DocuSign, QuickBooks: re-exported from their folders. They share one OAuth 2 authorization server (./oauth).
export type { OAuthClient, OAuthUser } from './oauth/types.ts';
export type { ApproveOptions as OAuthApproveOptions } from './oauth/authorization-server.ts';

export { GOOGLE_FAKE_CLIENT, GOOGLE_FAKE_USER, startGoogleFake, type GoogleFake, type GoogleFakeOptions } from './google/google-fake.ts';
export type { EventResource as GoogleCalendarEvent } from './google/calendar/calendars.ts';
export type { Channel as GooglePushChannel } from './google/calendar/push.ts';

export {
  DOCUSIGN_FAKE_ACCOUNT,
  DOCUSIGN_FAKE_CLIENT,
  DOCUSIGN_FAKE_CONNECT_KEY,
  DOCUSIGN_FAKE_USER,
  startDocuSignFake,
  type DocuSignFake,
  type DocuSignFakeOptions,
} from './docusign/docusign-fake.ts';
export type { DocuSignAccount } from './docusign/accounts.ts';

export {
  QUICKBOOKS_FAKE_CLIENT,
  QUICKBOOKS_FAKE_REALM_ID,
  QUICKBOOKS_FAKE_USER,
  QUICKBOOKS_FAKE_VERIFIER_TOKEN,
  startQuickBooksFake,
  type QuickBooksFake,
  type QuickBooksFakeOptions,
} from './quickbooks/quickbooks-fake.ts';
export type { EntityName as QuickBooksEntity, QboObject as QuickBooksObject } from './quickbooks/entities.ts';
export type { EntityChange as QuickBooksChange } from './quickbooks/company.ts';
export type { WebhookFormat as QuickBooksWebhookFormat } from './quickbooks/webhooks.ts';
