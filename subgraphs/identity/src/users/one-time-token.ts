import { createHash, randomBytes } from 'node:crypto';

/** A link token: 256 random bits, so a fast hash is safe to store; only the hash is kept. */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOneTimeToken(token) };
}

export const hashOneTimeToken = (token: string) => createHash('sha256').update(token).digest('hex');
