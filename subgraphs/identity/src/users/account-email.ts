import { randomUUID } from 'node:crypto';
import { adminUrl, NO_TENANT, publish, type EntityManager, type Static } from '@atelier/kit';
import { identityEvents, type AccountEmail } from '../contract.ts';

/** A link to an admin page that completes an account step with a one-time token. */
export const accountLink = (page: 'accept-invitation' | 'verify-email', token: string) => `${adminUrl()}/#/${page}?token=${encodeURIComponent(token)}`;

/**
 * Asks integrations (the only door to email providers) to send a person an email about their account,
 * committed with the change that causes it. `tenantId`: the organization it concerns, if any.
 */
export async function requestAccountEmail(em: EntityManager, email: Static<typeof AccountEmail>, about: { tenantId?: string | null; entityId?: string }) {
  await publish(em, identityEvents['accountEmail.requested'], { tenantId: about.tenantId ?? NO_TENANT, entityId: about.entityId ?? randomUUID(), data: email });
}
