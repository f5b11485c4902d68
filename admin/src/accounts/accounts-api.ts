import { gql, type ApolloClient } from '@apollo/client';
import { toHttpError } from '../api/errors.ts';

const SIGN_UP = gql`
  mutation AdminSignUp($input: SignUpInput!) { signUp(input: $input) { email message } }
`;
const VERIFY_EMAIL = gql`
  mutation AdminVerifyEmail($token: String!) { verifyEmail(token: $token) }
`;
const ACCEPT_INVITATION = gql`
  mutation AdminAcceptInvitation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { organization { id name } role email } }
`;
const INVITE_MEMBER = gql`
  mutation AdminInviteMember($input: InviteMemberInput!) { inviteMember(input: $input) { id email role } }
`;

export interface AcceptedInvitation {
  organization: { id: string; name: string };
  role: string;
  email: string;
}

/** The account mutations the admin's hand-written pages call; failures come back as react-admin's HttpError. */
export interface AccountsApi {
  signUp(input: { organizationName: string; name: string; email: string; password: string }): Promise<{ email: string; message: string }>;
  verifyEmail(token: string): Promise<void>;
  acceptInvitation(input: { token: string; name?: string; password: string }): Promise<AcceptedInvitation>;
  inviteMember(input: { email: string; role: string }): Promise<{ id: string; email: string }>;
}

export function createAccountsApi(client: ApolloClient<unknown>): AccountsApi {
  async function mutate<T>(mutation: ReturnType<typeof gql>, variables: Record<string, unknown>): Promise<T> {
    try {
      const { data } = await client.mutate<T>({ mutation, variables });
      if (!data) throw new Error('The API gave no answer');
      return data;
    } catch (error) {
      throw toHttpError(error);
    }
  }
  return {
    signUp: async (input) => (await mutate<{ signUp: { email: string; message: string } }>(SIGN_UP, { input })).signUp,
    verifyEmail: async (token) => void (await mutate(VERIFY_EMAIL, { token })),
    acceptInvitation: async (input) => (await mutate<{ acceptInvitation: AcceptedInvitation }>(ACCEPT_INVITATION, { input })).acceptInvitation,
    inviteMember: async (input) => (await mutate<{ inviteMember: { id: string; email: string } }>(INVITE_MEMBER, { input })).inviteMember,
  };
}
