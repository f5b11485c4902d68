import { idSequence, outboxControl, startFakeServer, webhookOutbox, type WebhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { darajaFaultResponse } from './errors.ts';
import { darajaRoutes } from './routes.ts';
import { createStkLedger, stkCallback, type StkPush, type StkResultCode } from './stk.ts';
import { createTokenIssuer } from './tokens.ts';

/** No `webhookUrl`: Daraja calls back the `CallBackURL` each STK push names. */
export interface MpesaFakeOptions extends Omit<FakeOptions, 'webhookUrl'> {
  consumerKey: string;
  consumerSecret: string;
  /** The paybill or till (`BusinessShortCode`), e.g. the sandbox's 174379. */
  shortCode: string;
  /** The Lipa Na M-Pesa passkey the STK `Password` is derived from. */
  passkey: string;
  /** Every push is paid on its own right away, as if the customer entered their PIN (for the demo). */
  autoApprove?: boolean;
}

export interface MpesaFake extends ProviderFake {
  readonly pushes: ReadonlyMap<string, StkPush>;
  /** Callbacks sent to the pushes' CallBackURLs (unsigned: the app confirms with the STK query). */
  readonly webhooks: WebhookOutbox;
  /**
   * The customer answers the prompt: 0 paid, 1032 cancelled, 1037 unreachable, 1 insufficient funds, 2001 wrong
   * PIN… With `sendCallback: false` Daraja never calls back, and only the STK query tells the outcome.
   */
  completeStkPush(
    checkoutRequestId: string,
    options?: { resultCode?: StkResultCode; sendCallback?: boolean; delivery?: WebhookDeliveryOptions },
  ): Promise<{ push: StkPush; sent: SentWebhook[] }>;
}

/**
 * Safaricom Daraja's STK push (Lipa Na M-Pesa Online) at a configurable base URL: OAuth client credentials,
 * `POST /mpesa/stkpush/v1/processrequest`, the callback, and `POST /mpesa/stkpushquery/v1/query`.
 *
 * Control API (JSON, `POST /__control/<action>`): `stk/complete` {checkoutRequestId, resultCode?,
 * sendCallback?, delivery?}, `webhooks`, `webhooks/hold`, `webhooks/release` {order?}, plus the built-in
 * `reset`, `requests` and `fault`.
 */
export async function startMpesaFake(options: MpesaFakeOptions): Promise<MpesaFake> {
  const clock = options.clock ?? Date.now;
  const tokens = createTokenIssuer(clock);
  const ledger = createStkLedger(clock);
  const requestIds = idSequence('fake-daraja-request-', 8);
  const outbox = webhookOutbox(clock);

  const completeStkPush: MpesaFake['completeStkPush'] = async (checkoutRequestId, { resultCode = 0, sendCallback = true, delivery } = {}) => {
    const push = ledger.complete(checkoutRequestId, resultCode);
    if (!sendCallback) return { push, sent: [] };
    const body = JSON.stringify(stkCallback(push));
    return { push, sent: await outbox.send({ target: push.callbackUrl, id: push.checkoutRequestId, body, sign: () => ({}) }, delivery) };
  };

  const server = await startFakeServer({
    name: 'mpesa',
    port: options.port,
    faultResponse: (rule) => darajaFaultResponse(rule, requestIds.next()),
    resetState: () => {
      tokens.reset();
      ledger.reset();
      requestIds.reset();
      outbox.clear();
    },
    routes: [
      darajaRoutes({
        consumerKey: options.consumerKey,
        consumerSecret: options.consumerSecret,
        shortCode: options.shortCode,
        passkey: options.passkey,
        tokens,
        ledger,
        nextRequestId: requestIds.next,
        onPushed: (push) => {
          if (options.autoApprove) void completeStkPush(push.checkoutRequestId);
        },
      }),
    ],
    control: {
      ...outboxControl(outbox),
      'stk/complete': (input) =>
        completeStkPush(String(input.checkoutRequestId), {
          resultCode: input.resultCode as StkResultCode | undefined,
          sendCallback: input.sendCallback as boolean | undefined,
          delivery: input.delivery as WebhookDeliveryOptions,
        }),
    },
  });

  return { ...server, pushes: ledger.pushes, webhooks: outbox, completeStkPush };
}
