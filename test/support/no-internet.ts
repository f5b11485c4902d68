import { isIP } from 'node:net';
import { Socket } from 'node:net';

/**
 * Tests never reach the internet: any connection to an address outside loopback fails the test at once
 * (the providers are local fakes; a forgotten base URL shows up here, not as a slow flaky test).
 */
const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '::ffff:127.0.0.1';

const connect = Socket.prototype.connect as (...args: unknown[]) => Socket;
Socket.prototype.connect = function guardedConnect(this: Socket, ...args: unknown[]) {
  const first = args[0];
  const options = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string; port?: number } | number | string;
  const host = typeof options === 'object' && options !== null ? options.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isUnixSocket = typeof options === 'object' && options !== null && typeof options.path === 'string';
  if (!isUnixSocket && host && (isIP(host) || host.includes('.')) && !isLoopback(host)) {
    throw new Error(`Test tried to reach ${host}: tests may only talk to loopback`);
  }
  return connect.apply(this, args);
} as typeof Socket.prototype.connect;
