import { type FakeResponse } from '../server.ts';
import { type FaultRule } from '../types.ts';

/** QBO's error envelope: `{ Fault: { Error: [{ Message, Detail, code, element }], type }, time }`. */
export class QboFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: string,
    readonly type = 'ValidationFault',
    readonly status = 400,
    readonly element = '',
  ) {
    super(message);
  }

  toResponse(time: string, headers?: Record<string, string>): FakeResponse {
    return {
      status: this.status,
      headers,
      body: { Fault: { Error: [{ Message: this.message, Detail: this.detail, code: this.code, element: this.element }], type: this.type }, time },
    };
  }
}

export const requiredParameter = (name: string) =>
  new QboFault(
    '2020',
    'Required param missing, need to supply the required value for the API',
    `Required parameter ${name} is missing in the request`,
    undefined,
    400,
    name,
  );
export const unsupportedProperty = (detail: string) => new QboFault('2010', 'Request has invalid or unsupported property', detail);
export const objectNotFound = () =>
  new QboFault(
    '610',
    'Object Not Found',
    "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
  );
export const staleObject = (entity: string) =>
  new QboFault(
    '5010',
    'Stale Object Error',
    `Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved. Entity=${entity}`,
  );
export const duplicateName = (kind: string) =>
  new QboFault(
    '6240',
    'Duplicate Name Exists Error',
    `The name supplied already exists. : Another ${kind} is already using this name. Please use a different name.`,
  );
export const invalidReference = (element: string, id: string) =>
  new QboFault('2500', 'Invalid Reference Id', `Invalid Reference Id : ${element} element id ${id} not found`);
export const businessValidation = (detail: string) =>
  new QboFault('6000', 'A business validation error has occurred while processing your request', `Business Validation Error: ${detail}`);
export const authenticationFailed = () =>
  new QboFault('3200', 'message=AuthenticationFailed; errorCode=003200; statusCode=401', 'Token expired or invalid', 'AuthenticationFault', 401);
export const notAuthorizedForRealm = () =>
  new QboFault(
    '3100',
    'message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403',
    'The token is not authorized for this company.',
    'AuthorizationFault',
    403,
  );
export const throttled = () =>
  new QboFault('3001', 'message=ThrottleExceeded; errorCode=003001; statusCode=429', 'The request limit was reached.', 'ThrottlingFault', 429);

/** QBO time: seconds, with the company's UTC offset (the fake's companies keep UTC). */
export const qboTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** The `time` stamp of responses, with milliseconds. */
export const responseTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

export function quickBooksFaultResponse(rule: FaultRule, clock: () => number): FakeResponse {
  const { fault } = rule;
  const time = responseTime(clock());
  if (fault.kind === 'rate-limit') {
    return throttled().toResponse(time, fault.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(fault.retryAfterSeconds) });
  }
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return new QboFault(
    '10000',
    'An application error has occurred while processing your request',
    'System Failure Error: An unexpected error occurred.',
    'SystemFault',
    status,
  ).toResponse(time);
}
