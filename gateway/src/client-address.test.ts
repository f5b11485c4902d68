import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.ts';

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => response.end(clientAddressOf(request) ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => void delete process.env.TRUST_PROXY);

const seenAs = async (forwardedFor?: string) => (await fetch(url, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })).text();

describe('the client address', () => {
  it('is the connection’s own, whatever X-Forwarded-For claims, unless TRUST_PROXY says a proxy is in front', async () => {
    expect(await seenAs()).toBe('127.0.0.1');
    expect(await seenAs('203.0.113.9')).toBe('127.0.0.1');
  });

  it('is what the trusted proxy saw: the Nth address from the right, never one the client wrote further left', async () => {
    process.env.TRUST_PROXY = '1';
    expect(await seenAs('198.51.100.7, 203.0.113.9')).toBe('203.0.113.9');
    process.env.TRUST_PROXY = '2';
    expect(await seenAs('198.51.100.7, 203.0.113.9, 10.0.0.2')).toBe('203.0.113.9');
    expect(await seenAs()).toBe('127.0.0.1'); // no header: the connection's address
  });
});
