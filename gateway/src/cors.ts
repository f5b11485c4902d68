import { StartupError } from '@atelier/kit';

/** Hosts a developer's own browser apps run on; development lets them in without configuration. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `CORS_ORIGINS`: the browser origins (scheme, host, port) allowed to call the API with credentials,
 * comma-separated. A typo would silently lock a partner app out, so anything that is not an origin stops
 * the start-up instead.
 */
export function corsOriginsFromEnvironment(value = process.env.CORS_ORIGINS ?? ''): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '').toLowerCase()) {
        throw new StartupError(`CORS_ORIGINS: "${entry}" is not an origin; list them like https://app.example.com,https://partner.example.com`);
      }
      return url.origin;
    });
}

const isLoopback = (origin: string) => {
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
};

/**
 * The gateway's CORS answer per request: only the configured origins (and, in development, loopback ones)
 * get CORS headers, credentials included; any other origin gets none, so a browser keeps its page from
 * reading the answer. The admin is served through its own proxy on one origin and needs no entry.
 */
export function corsPolicy({ production, origins }: { production: boolean; origins: string[] }) {
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !(allowed.has(origin) || (!production && isLoopback(origin)))) return false as const;
    return { origin: [origin], credentials: true };
  };
}
