import { type FakeRequest, type FakeResponse, type Route, route } from '../server.ts';
import { GoogleApiError } from './errors.ts';

export type GoogleWork = (request: FakeRequest, params: Record<string, string>) => FakeResponse | Promise<FakeResponse>;

/** A route whose work may throw a GoogleApiError, answered as Google would. */
export function googleRoute(method: string, pattern: string, work: GoogleWork): Route {
  return route(method, pattern, async (request, params) => {
    try {
      return await work(request, params);
    } catch (error) {
      if (error instanceof GoogleApiError) return error.toResponse();
      throw error;
    }
  });
}

export function jsonBody(request: FakeRequest): Record<string, unknown> {
  const body = request.json<unknown>();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GoogleApiError(400, 'parseError', 'Parse Error');
  return body as Record<string, unknown>;
}

export const ok = (body: unknown): FakeResponse => ({ status: 200, body });
