import { GraphQLError } from 'graphql';

/** The error codes of the API conventions; clients switch on `extensions.code`. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT' | 'RATE_LIMITED' | 'UPSTREAM_UNAVAILABLE' | 'QUERY_TIMEOUT';

export interface FieldError {
  /** The invalid field, relative to its argument: `vin` of `input`, `first`, `tags.0`. */
  field: string;
  message: string;
}

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** Bad input: names every invalid field so a form can show each message next to its field. */
export function badUserInput(fields: FieldError[], message?: string): GraphQLError {
  const summary = message ?? `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`;
  return apiError('BAD_USER_INPUT', summary, { fields });
}

export const notFound = (type: string, id: string) => apiError('NOT_FOUND', `${type} ${id} not found`, { type, id });
export const forbidden = (message = 'You are not allowed to do this') => apiError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in or use an API key') => apiError('UNAUTHENTICATED', message);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => apiError('CONFLICT', message, extensions);
/** Too many of something: `retryAfter` says in how many seconds to try again (the gateway copies it to `Retry-After`). */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  apiError('RATE_LIMITED', message, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) });

/** SQLSTATE 57014: the statement timeout (or a cancel) stopped a query, however the driver wrapped it. */
function isCancelledQuery(error: unknown): boolean {
  for (
    let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    current = current.cause as typeof current, depth++
  ) {
    if (current.code === '57014') return true;
  }
  return false;
}

/**
 * The API error an unexpected failure stands for, when it is one the caller can act on; null for internal
 * errors. A cancelled query says so without naming the statement.
 */
export function knownFailure(error: unknown): GraphQLError | null {
  if (isCancelledQuery(error))
    return apiError('QUERY_TIMEOUT', 'The request took too long and was stopped; narrow it (a shorter search, a filter, a smaller page) or try again');
  return null;
}

/** True for errors we raised on purpose; everything else is an internal error and gets masked. */
export function isExpectedError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions?.code === 'string' && error.extensions.code !== 'INTERNAL_SERVER_ERROR';
}
