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
    button: 'Invite staff',
    title: 'Invite a staff member',
    role: 'Role',
    submit: 'Send invitation',
    sent: 'Invitation sent to %{email}',
    cancel: 'Cancel',
  },
};

export type AccountMessages = typeof accountMessages;

export const swahiliAccountMessages: AccountMessages = {
  signIn: 'Ingia',
  backToSignIn: 'Rudi kwenye kuingia',
  email: 'Barua pepe',
  password: 'Nenosiri',
  name: 'Jina lako',
  signUp: {
    link: 'Sajili shirika',
    title: 'Sajili shirika',
    organizationName: 'Jina la shirika',
    submit: 'Sajili shirika',
    checkEmail: 'Angalia barua pepe yako',
    closed: 'Usajili haujafunguliwa kwenye seva hii',
  },
  verifyEmail: {
    title: 'Thibitisha anwani yako ya barua pepe',
    checking: 'Tunathibitisha anwani yako…',
    done: 'Anwani yako ya barua pepe imethibitishwa. Sasa unaweza kuingia.',
    noToken: 'Kiungo hiki hakina tokeni: fungua tena kiungo kilicho kwenye barua pepe.',
  },
  acceptInvitation: {
    title: 'Kubali mwaliko wako',
    intro: 'Mgeni kwenye Atelier? Andika jina lako na uchague nenosiri (angalau herufi 10). Una akaunti tayari? Andika nenosiri lake.',
    nameHelp: 'Inahitajika tu kama huna akaunti ya Atelier bado',
    submit: 'Kubali mwaliko',
    joined: 'Umejiunga na %{organization}. Ingia ili kuendelea.',
  },
  invite: {
    button: 'Alika mfanyakazi',
    title: 'Alika mfanyakazi',
    role: 'Jukumu',
    submit: 'Tuma mwaliko',
    sent: 'Mwaliko umetumwa kwa %{email}',
    cancel: 'Ghairi',
  },
};

export const frenchAccountMessages: AccountMessages = {
  signIn: 'Se connecter',
  backToSignIn: 'Retour à la connexion',
  email: 'E-mail',
  password: 'Mot de passe',
  name: 'Votre nom',
  signUp: {
    link: 'Créer une organisation',
    title: 'Créer une organisation',
    organizationName: 'Nom de l’organisation',
    submit: 'Créer l’organisation',
    checkEmail: 'Consultez vos e-mails',
    closed: 'Les inscriptions ne sont pas ouvertes sur ce serveur',
  },
  verifyEmail: {
    title: 'Confirmez votre adresse e-mail',
    checking: 'Confirmation de votre adresse…',
    done: 'Votre adresse e-mail est confirmée. Vous pouvez vous connecter.',
    noToken: 'Ce lien n’a pas de jeton : ouvrez à nouveau le lien de l’e-mail.',
  },
  acceptInvitation: {
    title: 'Acceptez votre invitation',
    intro:
      'Nouveau sur Atelier ? Indiquez votre nom et choisissez un mot de passe (10 caractères au moins). Vous avez déjà un compte ? Saisissez son mot de passe.',
    nameHelp: 'Seulement si vous n’avez pas encore de compte Atelier',
    submit: 'Accepter l’invitation',
    joined: 'Vous avez rejoint %{organization}. Connectez-vous pour continuer.',
  },
  invite: {
    button: 'Inviter un membre du personnel',
    title: 'Inviter un membre du personnel',
    role: 'Rôle',
    submit: 'Envoyer l’invitation',
    sent: 'Invitation envoyée à %{email}',
    cancel: 'Annuler',
  },
};
