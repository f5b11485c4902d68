import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { isProduction } from '@atelier/kit';

/**
 * Secrets at rest (OAuth tokens, providers' API keys, webhook secrets): AES-256-GCM under a named key, so
 * keys rotate: new writes use the active key, old ciphertexts stay readable while their key is listed,
 * and `npm run secrets:rotate` re-encrypts everything under the active key.
 *
 * Keys come from `SECRET_KEYS` (`id:base64-32-bytes,id2:…`) and `SECRET_KEY_ACTIVE`. Development has a
 * fixed key so `npm start` works; production refuses to run without real ones.
 */
export interface KeyRing {
  activeId: string;
  keys: Map<string, Buffer>;
}

const DEV_KEY_ID = 'dev';
const devKey = () => createHash('sha256').update('atelier-development-secret-key-do-not-use-in-production').digest();

export function parseKeyRing(spec: string | undefined, activeId: string | undefined): KeyRing {
  if (!spec) {
    if (isProduction()) throw new Error('SECRET_KEYS must be set in production (id:base64 32-byte key, comma-separated)');
    return { activeId: DEV_KEY_ID, keys: new Map([[DEV_KEY_ID, devKey()]]) };
  }
  const keys = new Map<string, Buffer>();
  for (const entry of spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [id, encoded] = entry.split(':');
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!id || !/^[\w-]+$/.test(id) || key.length !== 32) throw new Error(`SECRET_KEYS entry "${id ?? ''}" must be id:base64 of 32 bytes`);
    keys.set(id, key);
  }
  const active = activeId ?? [...keys.keys()].at(-1);
  if (!active || !keys.has(active)) throw new Error(`SECRET_KEY_ACTIVE "${activeId}" is not in SECRET_KEYS`);
  return { activeId: active, keys };
}

/** `configChecks` of integrations: production needs keys of its own, well formed, and not the development key. */
export function secretKeyProblems(): string[] {
  if (!isProduction()) return [];
  if (!process.env.SECRET_KEYS) return ['SECRET_KEYS is not set (id:base64 of 32 random bytes, e.g. `k1:$(openssl rand -base64 32)`)'];
  try {
    const { keys } = parseKeyRing(process.env.SECRET_KEYS, process.env.SECRET_KEY_ACTIVE);
    return [...keys.values()].some((key) => key.equals(devKey())) ? ['SECRET_KEYS holds the public development key'] : [];
  } catch (error) {
    return [(error as Error).message];
  }
}

let ring: KeyRing | undefined;
export const keyRing = (): KeyRing => (ring ??= parseKeyRing(process.env.SECRET_KEYS, process.env.SECRET_KEY_ACTIVE));

const FORMAT = 'v1';

/** `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts); the key ID is authenticated as associated data. */
export function seal(plaintext: string, keys: KeyRing = keyRing()): string {
  const key = keys.keys.get(keys.activeId) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${FORMAT}.${keys.activeId}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, keys.activeId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function open(sealed: string, keys: KeyRing = keyRing()): string {
  const [format, keyId, iv, tag, ciphertext] = sealed.split('.');
  if (format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
  const key = keys.keys.get(keyId);
  if (!key) throw new Error(`secret sealed under unknown key "${keyId}"`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(`${FORMAT}.${keyId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

/** The key a sealed secret was written under (rotation re-seals those not under the active key). */
export const sealedKeyId = (sealed: string) => sealed.split('.')[1];

export const sealJson = (value: unknown, keys?: KeyRing) => seal(JSON.stringify(value), keys);
export const openJson = <T>(sealed: string, keys?: KeyRing) => JSON.parse(open(sealed, keys)) as T;
