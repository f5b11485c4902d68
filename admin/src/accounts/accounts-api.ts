import type { ApolloClient } from '@apollo/client';
import { apiRequests } from '../actions/api-request.ts';
import type { AcceptInvitationInput, InviteMemberInput, SignUpInput } from '../generated/graphql.ts';
import {
  AdminAcceptInvitationDocument,
  AdminInviteMemberDocument,
  AdminSignUpDocument,
  AdminVerifyEmailDocument,
  type AdminAcceptInvitationMutation,
  type AdminInviteMemberMutation,
  type AdminSignUpMutation,
} from '../generated/operations.ts';

export type AcceptedInvitation = AdminAcceptInvitationMutation['acceptInvitation'];

/** The account mutations (accounts.graphql) the admin's hand-written pages call; failures come back as react-admin's HttpError. */
export interface AccountsApi {
  signUp(input: SignUpInput): Promise<AdminSignUpMutation['signUp']>;
  verifyEmail(token: string): Promise<void>;
  acceptInvitation(input: AcceptInvitationInput): Promise<AcceptedInvitation>;
  inviteMember(input: InviteMemberInput): Promise<AdminInviteMemberMutation['inviteMember']>;
}

export function createAccountsApi(client: ApolloClient<unknown>): AccountsApi {
  const api = apiRequests(client);
  return {
    signUp: async (input) => (await api.mutate(AdminSignUpDocument, { input })).signUp,
    verifyEmail: async (token) => void (await api.mutate(AdminVerifyEmailDocument, { token })),
    acceptInvitation: async (input) => (await api.mutate(AdminAcceptInvitationDocument, { input })).acceptInvitation,
    inviteMember: async (input) => (await api.mutate(AdminInviteMemberDocument, { input })).inviteMember,
  };
}
