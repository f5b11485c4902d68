import { type FakeRequest, type FakeResponse, type Route } from '../server.ts';
import { badRequest, darajaError } from './errors.ts';
import { STK_RESULTS, type StkLedger, type StkPush } from './stk.ts';
import { type createTokenIssuer } from './tokens.ts';

export interface DarajaRouteOptions {
  consumerKey: string;
  consumerSecret: string;
  shortCode: string;
  passkey: string;
  tokens: ReturnType<typeof createTokenIssuer>;
  ledger: StkLedger;
  nextRequestId: () => string;
  /** A push reached the customer's phone. */
  onPushed: (push: StkPush) => void;
}

type Body = Record<string, unknown>;

const SAFARICOM_PHONE = /^254[17]\d{8}$/;
const TIMESTAMP = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d[0-5]\d$/;

const isHttpUrl = (value: unknown) => {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Daraja's Lipa Na M-Pesa Online (STK push) API: OAuth, the push, and the status query. */
export function darajaRoutes(options: DarajaRouteOptions): Route {
  const { ledger } = options;

  const generateToken = (request: FakeRequest, requestId: string): FakeResponse => {
    if (request.query.get('grant_type') !== 'client_credentials') return darajaError(400, requestId, '400.008.02', 'Invalid grant type passed');
    const [scheme, encoded] = (request.headers.authorization ?? '').split(' ');
    const expected = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString('base64');
    if (scheme !== 'Basic' || encoded !== expected) return darajaError(400, requestId, '400.008.01', 'Invalid Authentication passed');
    return { status: 200, body: options.tokens.issue() };
  };

  /** The merchant's credentials every STK call carries: shortcode, and Password = base64(ShortCode + Passkey + Timestamp). */
  const merchantRefusal = (body: Body, requestId: string): FakeResponse | undefined => {
    if (!/^\d{5,7}$/.test(String(body.BusinessShortCode ?? ''))) return badRequest(requestId, 'BusinessShortCode');
    if (String(body.BusinessShortCode) !== options.shortCode) return darajaError(500, requestId, '500.001.1001', 'Merchant does not exist');
    if (!TIMESTAMP.test(String(body.Timestamp ?? ''))) return badRequest(requestId, 'Timestamp');
    const password = Buffer.from(`${options.shortCode}${options.passkey}${body.Timestamp}`).toString('base64');
    if (body.Password !== password) return darajaError(500, requestId, '500.001.1001', 'Wrong credentials');
    return undefined;
  };

  const processRequest = (body: Body, requestId: string): FakeResponse => {
    const refused = merchantRefusal(body, requestId);
    if (refused) return refused;
    if (!['CustomerPayBillOnline', 'CustomerBuyGoodsOnline'].includes(String(body.TransactionType))) return badRequest(requestId, 'TransactionType');
    const amount = Number(body.Amount);
    if (!Number.isInteger(amount) || amount < 1) return badRequest(requestId, 'Amount');
    if (!SAFARICOM_PHONE.test(String(body.PartyA ?? ''))) return badRequest(requestId, 'PartyA');
    if (!/^\d{5,7}$/.test(String(body.PartyB ?? ''))) return badRequest(requestId, 'PartyB');
    if (!SAFARICOM_PHONE.test(String(body.PhoneNumber ?? ''))) return badRequest(requestId, 'PhoneNumber');
    if (!isHttpUrl(body.CallBackURL)) return badRequest(requestId, 'CallBackURL');
    if (typeof body.AccountReference !== 'string' || body.AccountReference.length === 0 || body.AccountReference.length > 12)
      return badRequest(requestId, 'AccountReference');
    if (typeof body.TransactionDesc !== 'string' || body.TransactionDesc.length > 13) return badRequest(requestId, 'TransactionDesc');
    const phoneNumber = String(body.PhoneNumber);
    if (ledger.pendingFor(phoneNumber)) return darajaError(500, requestId, '500.001.1001', STK_RESULTS[1001]);
    const push = ledger.start({ amount, phoneNumber, callbackUrl: String(body.CallBackURL), accountReference: body.AccountReference });
    options.onPushed(push);
    const accepted = 'Success. Request accepted for processing';
    return {
      status: 200,
      body: {
        MerchantRequestID: push.merchantRequestId,
        CheckoutRequestID: push.checkoutRequestId,
        ResponseCode: '0',
        ResponseDescription: accepted,
        CustomerMessage: accepted,
      },
    };
  };

  const query = (body: Body, requestId: string): FakeResponse => {
    const refused = merchantRefusal(body, requestId);
    if (refused) return refused;
    const push = ledger.pushes.get(String(body.CheckoutRequestID));
    if (!push) return badRequest(requestId, 'CheckoutRequestID');
    if (!push.result) return darajaError(500, requestId, '500.001.1001', 'The transaction is being processed');
    return {
      status: 200,
      body: {
        ResponseCode: '0',
        ResponseDescription: 'The service request has been accepted successsfully', // sic: Daraja's spelling
        MerchantRequestID: push.merchantRequestId,
        CheckoutRequestID: push.checkoutRequestId,
        ResultCode: String(push.result.code),
        ResultDesc: STK_RESULTS[push.result.code],
      },
    };
  };

  const stkCalls: Record<string, (body: Body, requestId: string) => FakeResponse> = {
    '/mpesa/stkpush/v1/processrequest': processRequest,
    '/mpesa/stkpushquery/v1/query': query,
  };

  return (request) => {
    const call = stkCalls[request.path];
    if (!call && request.path !== '/oauth/v1/generate') return null;
    const requestId = options.nextRequestId();
    if (!call)
      return request.method === 'GET' ? generateToken(request, requestId) : darajaError(405, requestId, '405.001', `${request.method} Method Not Allowed`);
    if (request.method !== 'POST') return darajaError(405, requestId, '405.001', `${request.method} Method Not Allowed`);
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer') return darajaError(404, requestId, '404.001.04', 'Invalid Authentication Header');
    if (!options.tokens.valid(token)) return darajaError(404, requestId, '404.001.03', 'Invalid Access Token');
    const body = request.json<Body>();
    if (!body || typeof body !== 'object') return darajaError(400, requestId, '400.002.05', 'Invalid Request Payload');
    return call(body, requestId);
  };
}
