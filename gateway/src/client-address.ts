import { type IncomingMessage } from 'node:http';
import { env } from '@atelier/kit';

/**
 * How many proxies in front of the gateway may be believed about the client's address (`TRUST_PROXY`):
 * unset or 0 believes none and uses the connection's own address, since anyone can send X-Forwarded-For;
 * N takes the Nth address from the right of X-Forwarded-For (each trusted proxy appends the one it saw);
 * `true` means 1.
 */
function trustedProxies(): number {
  const setting = env('TRUST_PROXY', '0').trim().toLowerCase();
  if (setting === 'true') return 1;
  if (setting === 'false') return 0;
  const hops = Number.parseInt(setting, 10);
  return Number.isFinite(hops) && hops > 0 ? hops : 0;
}

const normalized = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** The client's network address for a request as Node received it (HTTP or a WebSocket upgrade). */
export function clientAddressOf(request: IncomingMessage | undefined): string | undefined {
  if (!request) return undefined;
  const hops = trustedProxies();
  if (hops > 0) {
    const header = request.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const address = forwarded[forwarded.length - hops];
    if (address) return normalized(address);
  }
  const own = request.socket?.remoteAddress;
  return own ? normalized(own) : undefined;
}
