import type { ApolloClient } from '@apollo/client';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import { AdminLoginDocument, AdminLogoutDocument } from '../generated/operations.ts';
import { clearSession, currentSession, saveSession } from './session.ts';

/** The signed-in person, with the organization the app bar shows next to their name. */
export interface AtelierIdentity extends UserIdentity {
  organization: string;
}

/** Email and password sign-in through the API's `login`; the session token then goes with every request. */
export function createAuthProvider(client: ApolloClient<unknown>): AuthProvider {
  const api = apiRequests(client);
  return {
    /** `organizationId`: which of the person's organizations to sign in to (the one whose invitation they just accepted). */
    async login({ username, password, organizationId }: { username: string; password: string; organizationId?: string }) {
      const input = { email: username, password, ...(organizationId && { organizationId }) };
      saveSession((await api.mutate(AdminLoginDocument, { input })).login);
    },
    async logout() {
      // end the session on the server too, so the token is refused from now on wherever a copy of it is;
      // a session that has already ended answers UNAUTHENTICATED, which changes nothing here
      if (currentSession()) await api.mutate(AdminLogoutDocument, {}).catch(() => undefined);
      clearSession();
    },
    async checkAuth() {
      if (!currentSession()) throw new Error('Sign in to continue');
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        clearSession();
        throw error;
      }
    },
    async getIdentity(): Promise<AtelierIdentity> {
      const session = currentSession();
      if (!session) throw new Error('Not signed in');
      return { id: session.user.id, fullName: session.user.name, organization: session.organization.name };
    },
    async getPermissions() {
      return currentSession()?.role;
    },
  };
}
