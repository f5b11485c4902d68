import { idSequence } from '../server.ts';

/** The outcomes of an STK push the customer's phone reports, with Daraja's descriptions. */
export const STK_RESULTS = {
  0: 'The service request is processed successfully.',
  1: 'The balance is insufficient for the transaction.',
  1001: 'Unable to lock subscriber, a transaction is already in process for the current subscriber',
  1019: 'Transaction has expired',
  1032: 'Request cancelled by user',
  1037: 'DS timeout user cannot be reached',
  2001: 'The initiator information is invalid.',
} as const;

export type StkResultCode = keyof typeof STK_RESULTS;

export interface StkPush {
  merchantRequestId: string;
  checkoutRequestId: string;
  amount: number;
  phoneNumber: string;
  callbackUrl: string;
  accountReference: string;
  /** Undefined while the customer has not answered the prompt. */
  result?: { code: StkResultCode; receipt?: string; completedAt: number };
}

/** Daraja's timestamps are Kenyan time (EAT, UTC+3) written `YYYYMMDDHHmmss`. */
const kenyanTimestamp = (ms: number) => new Date(ms + 3 * 3600 * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** The STK pushes sent to customers' phones, by CheckoutRequestID. */
export function createStkLedger(clock: () => number) {
  let sequence = 0;
  const receipts = idSequence('TKF', 7);
  const pushes = new Map<string, StkPush>();

  return {
    pushes: pushes as ReadonlyMap<string, StkPush>,

    /** A phone shows one prompt at a time: Daraja refuses a second push while the first is unanswered. */
    pendingFor: (phoneNumber: string) => [...pushes.values()].some((push) => push.phoneNumber === phoneNumber && !push.result),

    start(fields: Omit<StkPush, 'merchantRequestId' | 'checkoutRequestId' | 'result'>): StkPush {
      sequence += 1;
      const push: StkPush = {
        ...fields,
        merchantRequestId: `${29115 + sequence}-${34620561 + sequence}-1`,
        checkoutRequestId: `ws_CO_${kenyanTimestamp(clock()).replace(/^(\d{4})(\d{2})(\d{2})/, '$3$2$1')}${String(sequence).padStart(6, '0')}`,
      };
      pushes.set(push.checkoutRequestId, push);
      return push;
    },

    complete(checkoutRequestId: string, code: StkResultCode): StkPush {
      const push = pushes.get(checkoutRequestId);
      if (!push) throw new Error(`no STK push ${checkoutRequestId}`);
      if (push.result) throw new Error(`STK push ${checkoutRequestId} was already answered`);
      if (!(code in STK_RESULTS)) throw new Error(`unknown result code ${code}: one of ${Object.keys(STK_RESULTS).join(', ')}`);
      push.result = { code, completedAt: clock(), ...(code === 0 && { receipt: receipts.next() }) };
      return push;
    },

    reset() {
      sequence = 0;
      receipts.reset();
      pushes.clear();
    },
  };
}

export type StkLedger = ReturnType<typeof createStkLedger>;

/** The body Daraja posts to the push's CallBackURL; `CallbackMetadata` only on success (with its valueless Balance item). */
export function stkCallback(push: StkPush) {
  const result = push.result!;
  return {
    Body: {
      stkCallback: {
        MerchantRequestID: push.merchantRequestId,
        CheckoutRequestID: push.checkoutRequestId,
        ResultCode: result.code,
        ResultDesc: STK_RESULTS[result.code],
        ...(result.code === 0 && {
          CallbackMetadata: {
            Item: [
              { Name: 'Amount', Value: push.amount },
              { Name: 'MpesaReceiptNumber', Value: result.receipt },
              { Name: 'Balance' },
              { Name: 'TransactionDate', Value: Number(kenyanTimestamp(result.completedAt)) },
              { Name: 'PhoneNumber', Value: Number(push.phoneNumber) },
            ],
          },
        }),
      },
    },
  };
}
