import type { AdminLoginMutation } from '../generated/operations.ts';

/** What `login` returns (auth.graphql) and the admin keeps between page loads. */
export type Session = AdminLoginMutation['login'];

const STORAGE_KEY = 'atelier.session';

/** The stored session while it is valid; an expired one is forgotten. */
export function currentSession(): Session | undefined {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (!stored) return undefined;
  const session = JSON.parse(stored) as Session;
  if (Date.parse(session.expiresAt) > Date.now()) return session;
  clearSession();
  return undefined;
}

export function saveSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}
