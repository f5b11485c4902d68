const STORAGE_KEY = 'atelier.signUpClosed';

/**
 * Whether the login page offers sign-up. The API has no question for it; it answers `signUp` with FORBIDDEN
 * when public sign-up is off, and from then on this browser stops offering it (for the session).
 */
export const signUpOffered = () => sessionStorage.getItem(STORAGE_KEY) === null;

export const markSignUpClosed = () => sessionStorage.setItem(STORAGE_KEY, '1');
