/** The public pages' paths; identity's emails link to the first two (subgraphs/identity/src/users/account-email.ts). */
export const VERIFY_EMAIL_PATH = '/verify-email';
export const ACCEPT_INVITATION_PATH = '/accept-invitation';
export const SIGN_UP_PATH = '/sign-up';

/** What the login page says when a page sends the person there (`navigate('/login', { state })`). */
export interface LoginNotice {
  notice?: string;
}
