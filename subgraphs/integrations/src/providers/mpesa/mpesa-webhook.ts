import { WebhookRejected, type WebhookVerifier } from '../../webhooks-in/verifier.ts';
import { mpesaCredentials, stkQuery } from './mpesa-client.ts';

interface StkCallback {
  MerchantRequestID?: unknown;
  CheckoutRequestID?: unknown;
  ResultCode?: unknown;
  ResultDesc?: unknown;
  CallbackMetadata?: unknown;
}

/**
 * Daraja's STK callbacks are unsigned (no HMAC, no headers of its own), so a callback is believed only
 * once Daraja confirms it server to server: an authenticated STK push query for its CheckoutRequestID must
 * report the same ResultCode (and MerchantRequestID). A callback Daraja contradicts, or for a push this
 * shortcode never made, is rejected; one Daraja still reports as in progress cannot be confirmed yet and
 * fails (5xx) without being stored. The CheckoutRequestID is the event ID (Daraja may call back twice).
 *
 * What the query confirms is the outcome; the amount, receipt and phone in `CallbackMetadata` come from
 * the callback alone, so whoever settles a payment must compare them with the push it made. The query's
 * answer is stored with the callback, under `confirmation`.
 */
export const verifyMpesaCallback: WebhookVerifier = async ({ rawBody }, { credentials }) => {
  const merchant = mpesaCredentials(credentials);
  if (!merchant) throw new WebhookRejected('no M-Pesa credentials configured');
  let body: { Body?: { stkCallback?: StkCallback } };
  try {
    body = JSON.parse(rawBody) as typeof body;
  } catch {
    throw new WebhookRejected('the body is not JSON');
  }
  const callback = body?.Body?.stkCallback;
  const checkoutRequestId = callback?.CheckoutRequestID;
  if (!callback || typeof checkoutRequestId !== 'string' || !checkoutRequestId || callback.ResultCode === undefined || callback.ResultCode === null) {
    throw new WebhookRejected('not an STK callback');
  }

  const confirmation = await stkQuery(merchant, checkoutRequestId);
  if (confirmation.state === 'unknown') throw new WebhookRejected(`Daraja knows no such push for this shortcode (${confirmation.reason})`);
  if (confirmation.state === 'pending') throw new Error('Daraja still reports this push as in progress: the callback cannot be confirmed yet');
  const claimed = String(callback.ResultCode);
  if (confirmation.resultCode !== claimed) throw new WebhookRejected(`Daraja reports ResultCode ${confirmation.resultCode}, the callback claims ${claimed}`);
  if (confirmation.merchantRequestId && typeof callback.MerchantRequestID === 'string' && confirmation.merchantRequestId !== callback.MerchantRequestID) {
    throw new WebhookRejected('the MerchantRequestID does not match the push');
  }
  return {
    externalEventId: checkoutRequestId,
    type: claimed === '0' ? 'stk.succeeded' : 'stk.failed',
    payload: {
      ...(body as Record<string, unknown>),
      confirmation: {
        ResultCode: confirmation.resultCode,
        ResultDesc: confirmation.resultDesc,
        MerchantRequestID: confirmation.merchantRequestId,
        CheckoutRequestID: confirmation.checkoutRequestId,
      },
    },
  };
};
