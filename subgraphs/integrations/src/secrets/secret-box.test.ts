import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, parseKeyRing, seal, sealedKeyId } from './secret-box.ts';

const key = () => randomBytes(32).toString('base64');

describe('sealed secrets', () => {
  const ring = parseKeyRing(`k1:${key()}`, 'k1');

  it('round-trips and never contains the plaintext', () => {
    const sealed = seal('sk_live_very_secret', ring);
    expect(sealed).not.toContain('very_secret');
    expect(sealedKeyId(sealed)).toBe('k1');
    expect(open(sealed, ring)).toBe('sk_live_very_secret');
    expect(seal('same', ring)).not.toBe(seal('same', ring)); // a fresh IV each time
  });

  it('refuses a tampered ciphertext, a swapped key ID and an unknown key', () => {
    const sealed = seal('secret', ring);
    const parts = sealed.split('.');
    const flipped = [
      ...parts.slice(0, 4),
      Buffer.from(Buffer.from(parts[4] as string, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64url'),
    ].join('.');
    expect(() => open(flipped, ring)).toThrow();
    const both = parseKeyRing(`k1:${key()},k2:${key()}`, 'k2');
    expect(() => open(sealed.replace('.k1.', '.k2.'), both)).toThrow();
    expect(() => open(sealed, parseKeyRing(`other:${key()}`, 'other'))).toThrow(/unknown key/);
  });

  it('keeps old ciphertexts readable after the active key changes', () => {
    const k1 = key();
    const before = seal('token', parseKeyRing(`k1:${k1}`, 'k1'));
    const rotated = parseKeyRing(`k1:${k1},k2:${key()}`, 'k2');
    expect(open(before, rotated)).toBe('token');
    expect(sealedKeyId(seal('token', rotated))).toBe('k2');
  });

  it('refuses malformed key configuration', () => {
    expect(() => parseKeyRing('k1:tooshort', 'k1')).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`k1:${key()}`, 'k9')).toThrow(/not in SECRET_KEYS/);
  });
});
