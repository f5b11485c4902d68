import { type CallerContext } from '@atelier/kit';
import { askIdentity } from './ask-identity.ts';

/** Who a session stands for now, by its ID (a session token's `jti`); null once it is revoked or expired. */
export type SessionResolver = (sessionId: string) => Promise<CallerContext | null>;

export function sessionsFromIdentity(identityUrl: string): SessionResolver {
  return (sessionId) => askIdentity<CallerContext>(identityUrl, '/internal/authenticate-session', { sessionId });
}

/** The credentials behind open subscriptions: session IDs and API key IDs. */
export interface Credentials {
  sessions: string[];
  apiKeys: string[];
}

/** Which of these credentials are still live; the others' subscriptions must end. */
export type LiveCredentialCheck = (credentials: Credentials) => Promise<Credentials>;

export function liveCredentialsFromIdentity(identityUrl: string): LiveCredentialCheck {
  return async (credentials) => (await askIdentity<Credentials>(identityUrl, '/internal/live-credentials', credentials)) ?? { sessions: [], apiKeys: [] };
}
