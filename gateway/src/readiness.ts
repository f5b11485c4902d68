import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface ReadinessOptions {
  /** Runtime URL of each subgraph; each answers `/readyz` next to its `/graphql`. */
  subgraphUrls: Record<string, string>;
  /** How long one round of probes answers every `/readyz` (load balancers poll often). */
  cacheMs?: number;
  /** A subgraph that has not answered by then counts as down. */
  timeoutMs?: number;
}

/** The subgraphs that are not ready now: a refused connection, a timeout or a 503 (its database is gone). */
async function unavailableSubgraphs(probes: [string, URL][], timeoutMs: number): Promise<string[]> {
  const results = await Promise.all(
    probes.map(async ([name, url]) => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
        return response.ok ? undefined : name;
      } catch {
        return name;
      }
    }),
  );
  return results.filter((name): name is string => name !== undefined);
}

/**
 * `/readyz` means "can serve": ready only while every subgraph is ready, so a load balancer stops sending
 * traffic to a gateway that would answer UPSTREAM_UNAVAILABLE. The answer names what is down (by its part
 * of the API, never its address). One round of probes is shared by every request for `cacheMs`.
 */
export function useReadiness({ subgraphUrls, cacheMs = 1_000, timeoutMs = 2_000 }: ReadinessOptions): GatewayPlugin {
  const probes = Object.entries(subgraphUrls).map(([name, url]) => [name, new URL('/readyz', url)] as [string, URL]);
  let latest: { at: number; unavailable: Promise<string[]> } | undefined;
  const check = () => {
    if (!latest || Date.now() - latest.at > cacheMs) latest = { at: Date.now(), unavailable: unavailableSubgraphs(probes, timeoutMs) };
    return latest.unavailable;
  };
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname !== '/readyz') return;
      const unavailable = await check();
      const body = unavailable.length ? { status: 'unavailable', unavailable } : { status: 'ready' };
      endResponse(
        new Response(JSON.stringify(body), {
          status: unavailable.length ? 503 : 200,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
