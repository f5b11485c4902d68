import { ApolloError } from '@apollo/client';
import { HttpError } from 'react-admin';

/** An error as the API sends it (ARCHITECTURE.md §4). */
interface ApiError {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
};

/** GraphQL errors of a 200 answer, and of a 4xx answer (invalid variables), which Apollo reports as a network error. */
function apiErrorsOf(error: ApolloError): ApiError[] {
  const network = error.networkError;
  const body = network && 'result' in network ? (network.result as { errors?: ApiError[] } | string) : undefined;
  return [...(error.graphQLErrors as ApiError[]), ...(typeof body === 'object' ? (body.errors ?? []) : [])];
}

/**
 * The HttpError react-admin understands: the status of the API's error code (401 signs out), and for
 * BAD_USER_INPUT the message of each invalid field in `body.errors`, which forms show under the inputs.
 */
export function toHttpError(error: unknown): HttpError {
  if (!(error instanceof ApolloError)) return new HttpError(error instanceof Error ? error.message : String(error), 500);
  const [first, ...rest] = apiErrorsOf(error);
  if (!first) {
    const status = error.networkError && 'statusCode' in error.networkError ? error.networkError.statusCode : 500;
    return new HttpError(error.message, status);
  }
  const fields = [first, ...rest].flatMap((apiError) => apiError.extensions?.fields ?? []);
  const body = fields.length
    ? { errors: { ...Object.fromEntries(fields.map(({ field, message }) => [field, message])), root: { serverError: first.message } } }
    : undefined;
  return new HttpError(first.message, STATUS_OF_CODE[first.extensions?.code ?? ''] ?? 500, body);
}

/**
 * A failed call split for a hand-written form: the API's message of each of `fieldNames` goes under its
 * input (returned to react-admin's Form as submission errors); anything else is shown above the inputs.
 */
export function formErrorsOf(error: unknown, fieldNames: readonly string[]): { fields: Record<string, string>; general?: string } {
  const httpError = error instanceof HttpError ? error : toHttpError(error);
  const apiFields = (httpError.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
  const fields = Object.fromEntries(
    Object.entries(apiFields).flatMap(([field, message]) => (fieldNames.includes(field) && typeof message === 'string' ? [[field, message]] : [])),
  );
  const unplaced = Object.entries(apiFields).some(([field]) => field !== 'root' && !fieldNames.includes(field));
  return Object.keys(fields).length && !unplaced ? { fields } : { fields, general: httpError.message };
}

/** The API's error code behind an HttpError (403 is FORBIDDEN). */
export const isForbidden = (error: unknown) => error instanceof HttpError && error.status === 403;
