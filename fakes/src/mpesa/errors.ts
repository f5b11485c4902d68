import { type FakeResponse } from '../server.ts';
import { type FaultRule } from '../types.ts';

/** Daraja's error body `{ requestId, errorCode, errorMessage }`; the code's first part is the HTTP status. */
export const darajaError = (status: number, requestId: string, errorCode: string, errorMessage: string): FakeResponse => ({
  status,
  body: { requestId, errorCode, errorMessage },
});

export const badRequest = (requestId: string, field: string) => darajaError(400, requestId, '400.002.02', `Bad Request - Invalid ${field}`);

/** Daraja's gateway: a spike-arrest 429, a busy 503, or an internal 500. */
export function darajaFaultResponse(rule: FaultRule, requestId: string): FakeResponse {
  const { fault } = rule;
  if (fault.kind === 'rate-limit') return darajaError(429, requestId, '500.003.02', 'Error Occurred: Spike Arrest Violation');
  const status = fault.kind === 'server-error' ? (fault.status ?? 500) : 500;
  return status === 500
    ? darajaError(500, requestId, '500.003.1001', 'Internal Server Error')
    : darajaError(status, requestId, '500.003.02', 'System is busy. Please try again in few minutes.');
}
