import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may go. A partner's URL must be http(s); outside development it must not reach loopback,
 * private, link-local (cloud metadata) or otherwise special addresses, or a tenant could make Atelier call
 * its own internal services. The URL is checked when it is saved (with a DNS lookup) and again on every
 * attempt, by the lookup that the connection itself uses: a name that resolved to a public address when it
 * was saved and to 10.0.0.1 now (DNS rebinding) is refused at connect time, with no gap between the check
 * and the connection.
 */
export class TargetRefused extends Error {
  override readonly name = 'TargetRefused';
}

// one list per family: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules
const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relays
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['::ffff:0:0', 96], // IPv4-mapped: never a real public target, and a way around the IPv4 rules
  ['64:ff9b::', 96], // NAT64 embeds an IPv4 address
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID, …)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blocked6.addSubnet(network, prefix, 'ipv6');
}

/** True for an address a webhook may be sent to in production. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !blocked4.check(address, 'ipv4') : !blocked6.check(address, 'ipv6');
}

const isLocalName = (hostname: string) => hostname === 'localhost' || hostname.endsWith('.localhost');
const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

/** Shape rules every URL follows, in every environment. Returns the problem, or null. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http:// or https:// URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http:// or https:// URL';
  if (!url.hostname) return 'must name a host';
  if (url.username || url.password) return 'must not contain a user name or password (requests are signed instead)';
  return null;
}

export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const resolveAll: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * Whether a URL may be saved as an endpoint: its shape, and outside development where it points. Returns the
 * problem, or null. A name that does not resolve is refused; one that cannot be resolved right now (a DNS
 * hiccup) is accepted, since every attempt checks again anyway.
 */
export async function targetProblem(raw: string, allowPrivateTargets: boolean, resolve: Resolve = resolveAll): Promise<string | null> {
  const shape = urlProblem(raw);
  if (shape || allowPrivateTargets) return shape;
  const hostname = bare(new URL(raw).hostname).toLowerCase();
  if (isIP(hostname)) return isPublicAddress(hostname) ? null : 'must not point at a loopback, private or link-local address';
  if (isLocalName(hostname)) return 'must not point at a loopback, private or link-local address';
  let addresses: LookupAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOTFOUND' || code === 'ENODATA' ? 'names a host that does not resolve' : null;
  }
  return addresses.every((entry) => isPublicAddress(entry.address)) ? null : 'resolves to a loopback, private or link-local address';
}

/**
 * Checks a URL's host once more before an attempt: an IP literal here (the connection does no lookup for
 * those), a name in `guardedLookup` while connecting.
 */
export function assertLiteralTarget(url: URL): void {
  const hostname = bare(url.hostname).toLowerCase();
  if (isIP(hostname) && !isPublicAddress(hostname)) throw new TargetRefused(`${hostname} is a loopback, private or link-local address`);
  if (isLocalName(hostname)) throw new TargetRefused(`${hostname} is a loopback name`);
}

/**
 * The DNS lookup the attempt's connection uses (`http.request({ lookup })`): it resolves the name, refuses
 * the connection when any address is not public, and hands the checked addresses to the socket, so the
 * address that was checked is the address that is connected to.
 */
export function guardedLookup(resolve: Resolve = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((entry) => entry.family === options.family) : all;
        const refused = wanted.find((entry) => !isPublicAddress(entry.address));
        if (refused) return callback(new TargetRefused(`${hostname} resolves to ${refused.address}, a loopback, private or link-local address`), '', 0);
        const first = wanted[0];
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        if (options.all) (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, wanted);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
