import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';

type Result = { errors?: readonly { extensions?: Record<string, unknown> }[] };

/** The longest `retryAfter` (seconds) of a result's RATE_LIMITED errors. */
function retryAfterOf(result: unknown): number | undefined {
  const results = (Array.isArray(result) ? result : [result]) as Result[];
  const seconds = results
    .flatMap((r) => r?.errors ?? [])
    .filter((e) => e.extensions?.code === 'RATE_LIMITED')
    .map((e) => Number(e.extensions?.retryAfter));
  const valid = seconds.filter((s) => Number.isFinite(s) && s > 0);
  return valid.length ? Math.ceil(Math.max(...valid)) : undefined;
}

/** A rate-limited answer also says when to come back in the HTTP `Retry-After` header, which HTTP clients and proxies understand. */
export function useRetryAfterHeader(): GatewayPlugin {
  const retryAfter = new WeakMap<Request, number>();
  return {
    onResultProcess({ request, result }) {
      const seconds = retryAfterOf(result);
      if (seconds) retryAfter.set(request, seconds);
    },
    onResponse({ request, response }) {
      const seconds = retryAfter.get(request);
      if (seconds) response.headers.set('retry-after', String(seconds));
    },
  };
}
