import { registerEnumType } from 'type-graphql';

/** Every outside service Atelier talks to; only the integrations subgraph talks to them. */
export enum Provider {
  STRIPE = 'STRIPE',
  GOOGLE = 'GOOGLE',
  DOCUSIGN = 'DOCUSIGN',
  QUICKBOOKS = 'QUICKBOOKS',
  TWILIO = 'TWILIO',
  WHATSAPP = 'WHATSAPP',
  RESEND = 'RESEND',
  MPESA = 'MPESA',
}

registerEnumType(Provider, { name: 'Provider', description: 'An outside service Atelier integrates with' });

/** The URL path segment of a provider (`/webhooks/stripe`, `/oauth/google/callback`). */
export const providerSlug = (provider: Provider) => provider.toLowerCase();
export const providerFromSlug = (slug: string): Provider | undefined => Object.values(Provider).find((p) => providerSlug(p) === slug);
