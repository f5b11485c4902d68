import { createHmac } from 'node:crypto';

/**
 * `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the auth token, of the full URL Twilio requested
 * followed by every parameter name and value, names sorted (`twilio.validateRequest` checks it).
 */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const names = [...new Set(params.keys())].sort();
  const signed = names.reduce(
    (data, name) =>
      data +
      [...new Set(params.getAll(name))]
        .sort()
        .map((value) => name + value)
        .join(''),
    url,
  );
  return createHmac('sha1', authToken).update(signed).digest('base64');
}
