import { createHash } from 'node:crypto';

export interface CodeChallenge {
  value: string;
  method: 'S256' | 'plain';
}

/** RFC 7636 §4.3: the challenge of an authorization request; undefined without one, null when malformed. */
export function challengeOf(authorization: URLSearchParams): CodeChallenge | undefined | null {
  const value = authorization.get('code_challenge');
  const method = authorization.get('code_challenge_method') ?? 'plain';
  if (!value) return authorization.has('code_challenge_method') ? null : undefined;
  return method === 'S256' || method === 'plain' ? { value, method } : null;
}

/** RFC 7636 §4.6: the verifier the token request presents must derive the challenge. */
export function verifierMatches(challenge: CodeChallenge, verifier: string | null): boolean {
  if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const derived = challenge.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return derived === challenge.value;
}
