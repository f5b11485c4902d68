import { createHmac } from 'node:crypto';

/**
 * Meta's webhook signatures: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app
 * secret>`, plus the legacy SHA-1 `X-Hub-Signature`.
 */
export const metaSignatureHeaders = (rawBody: string, appSecret: string) => ({
  'x-hub-signature-256': `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`,
  'x-hub-signature': `sha1=${createHmac('sha1', appSecret).update(rawBody).digest('hex')}`,
});

/**
 * Meta serialises payloads the way PHP's json_encode does: non-ASCII as `\uXXXX` and `/` as `\/`. An app
 * that re-serialises the parsed body before hashing gets a different signature: it must hash the raw bytes.
 */
export const metaJson = (payload: unknown) =>
  JSON.stringify(payload)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('/', '\\/');
