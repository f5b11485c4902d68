import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestOrganization, type TestSystem } from '../../test/support/system.ts';
import { maxRequestBytesFromEnvironment } from './request-size.ts';
import { operationLimits } from './security.ts';

let system: TestSystem;
let garage: TestOrganization;

beforeAll(async () => {
  system = await startSystem({ production: true });
  garage = await system.createOrganization();
});
afterAll(async () => {
  await system?.stop();
});

type Message = { type: string; id?: string; payload?: any };

/** A bare graphql-transport-ws socket, to see exactly which messages and close codes the gateway sends. */
function openSocket(url: string) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as Message);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    messages,
    closed,
    async send(message: Message) {
      await opened;
      socket.send(JSON.stringify(message));
    },
    /** Resolves once a message matching `wanted` has arrived (the socket closing first fails the test). */
    async until(wanted: (message: Message) => boolean): Promise<Message> {
      for (;;) {
        const found = messages.find(wanted);
        if (found) return found;
        const arrived = new Promise<void>((resolve) => waiters.push(resolve));
        const outcome = await Promise.race([arrived.then(() => 'message' as const), closed.then((close) => close)]);
        if (outcome !== 'message' && !messages.find(wanted)) throw new Error(`socket closed (${outcome.code} ${outcome.reason}) before the message came`);
      }
    },
    close: () => socket.close(),
  };
}

describe('graphql-ws at the gateway', () => {
  it('closes a connection_init with invalid credentials with 4403 Forbidden', async () => {
    for (const params of [{ authorization: 'Bearer not-a-session-token' }, { authorization: 'ApiKey atl_unknown_key' }, { 'x-api-key': 'atl_unknown_key' }]) {
      const socket = openSocket(system.gatewayUrl);
      await socket.send({ type: 'connection_init', payload: params });
      const acknowledged = socket
        .until((message) => message.type === 'connection_ack')
        .then(
          () => 'acknowledged',
          () => 'closed',
        );
      expect(await Promise.race([socket.closed, acknowledged])).toMatchObject({ code: 4403 });
    }
  });

  it('acknowledges valid credentials and answers an invalid operation with an error message, not next + complete', async () => {
    const socket = openSocket(system.gatewayUrl);
    await socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${garage.token}` } });
    await socket.until((message) => message.type === 'connection_ack');

    await socket.send({ id: 'unknown-field', type: 'subscribe', payload: { query: 'subscription { customerChanged { nope } }' } });
    const invalid = await socket.until((message) => message.id === 'unknown-field');
    expect(invalid).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });

    const deep = `subscription { customerChanged { node { ${'vehicles { owner { '.repeat(operationLimits.maxDepth)}id${' } }'.repeat(operationLimits.maxDepth)} } } }`;
    await socket.send({ id: 'too-deep', type: 'subscribe', payload: { query: deep } });
    const tooDeep = await socket.until((message) => message.id === 'too-deep');
    expect(tooDeep).toMatchObject({ type: 'error' });
    expect(tooDeep.payload[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'depth' });

    await socket.send({ id: 'syntax', type: 'subscribe', payload: { query: 'subscription {' } });
    expect(await socket.until((message) => message.id === 'syntax')).toMatchObject({ type: 'error', payload: [{ message: expect.stringMatching(/syntax/i) }] });

    await socket.send({ id: 'valid', type: 'subscribe', payload: { query: '{ customers { totalCount } }' } });
    expect(await socket.until((message) => message.id === 'valid')).toMatchObject({ type: 'next', payload: { data: { customers: { totalCount: 0 } } } });
    await socket.until((message) => message.id === 'valid' && message.type === 'complete');
    expect(socket.messages.filter((message) => ['unknown-field', 'too-deep', 'syntax'].includes(message.id ?? '')).map((message) => message.type)).toEqual([
      'error',
      'error',
      'error',
    ]);
    socket.close();
  });

  it('closes the socket with 1009 on a message over MAX_REQUEST_BYTES', async () => {
    const socket = openSocket(system.gatewayUrl);
    await socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${garage.token}` } });
    await socket.until((message) => message.type === 'connection_ack');
    await socket.send({
      id: 'huge',
      type: 'subscribe',
      payload: { query: '{ customers { totalCount } }', variables: { padding: 'x'.repeat(maxRequestBytesFromEnvironment()) } },
    });
    const answered = socket
      .until((message) => message.id === 'huge')
      .then(
        () => 'answered',
        () => 'closed',
      );
    expect(await Promise.race([socket.closed, answered])).toMatchObject({ code: 1009 });
  });
});
