/** The words of the account pages (sign-up, email confirmation, invitations), under `atelier.accounts`. */
export const accountMessages = {
  signIn: 'Sign in',
  backToSignIn: 'Back to sign-in',
  email: 'Email',
  password: 'Password',
  name: 'Your name',
  signUp: {
    link: 'Create an organization',
    title: 'Create an organization',
    organizationName: 'Organization name',
    submit: 'Create organization',
    checkEmail: 'Check your email',
    closed: 'Sign-up is not open on this server',
  },
  verifyEmail: {
    title: 'Confirm your email address',
    checking: 'Confirming your address…',
    done: 'Your email address is confirmed. You can sign in now.',
    noToken: 'This link has no token: open the link from the email again.',
  },
  acceptInvitation: {
    title: 'Accept your invitation',
    intro: 'New to Atelier? Give your name and choose a password (at least 10 characters). Already have an account? Enter its password.',
    nameHelp: 'Only needed if you have no Atelier account yet',
    submit: 'Accept invitation',
    joined: 'You joined %{organization}. Sign in to continue.',
  },
  invite: {
    button: 'Invite member',
    title: 'Invite a member',
    role: 'Role',
    submit: 'Send invitation',
    sent: 'Invitation sent to %{email}',
    cancel: 'Cancel',
  },
};
