import { forbidden } from '@atelier/kit';

/** Sign-in of someone who signed up and has not confirmed their address yet (asked only once the password matched). */
export function emailNotVerified() {
  const error = forbidden('Confirm your email address first: follow the link we emailed you when you signed up');
  error.extensions.reason = 'EMAIL_NOT_VERIFIED';
  return error;
}
