/** QBO throttles at 500 requests per minute per realm; a sliding minute here, on the fake's clock. */
export function createThrottle(requestsPerMinute: number, clock: () => number) {
  const recent = new Map<string, number[]>();
  return {
    allow(realmId: string): boolean {
      const now = clock();
      const window = (recent.get(realmId) ?? []).filter((at) => at > now - 60_000);
      const allowed = window.length < requestsPerMinute;
      if (allowed) window.push(now);
      recent.set(realmId, window);
      return allowed;
    },
    reset: () => recent.clear(),
  };
}
