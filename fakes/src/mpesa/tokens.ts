import { idSequence } from '../server.ts';

const LIFETIME_MS = 3600 * 1000;

/** OAuth client-credentials tokens that expire after an hour (Daraja says `expires_in: "3599"`, a string). */
export function createTokenIssuer(clock: () => number) {
  const tokens = idSequence('fakeDarajaAccessToken', 7);
  const issued = new Map<string, number>();
  return {
    issue() {
      const token = tokens.next();
      issued.set(token, clock() + LIFETIME_MS);
      return { access_token: token, expires_in: '3599' };
    },
    valid: (token: string | undefined) => token !== undefined && (issued.get(token) ?? 0) > clock(),
    reset() {
      tokens.reset();
      issued.clear();
    },
  };
}
