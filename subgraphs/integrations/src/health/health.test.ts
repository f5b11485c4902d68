import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, settle, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const HEALTH = `subscription { integrationHealthChanged { connections { provider status } lastSyncRuns { status } webhookEndpoints { url enabled consecutiveFailures } } }`;

let system: TestSystem;
let shop: TestOrganization;
let neighbour: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
  neighbour = await system.createOrganization();
});
afterAll(() => system?.stop());

describe('integration health', () => {
  it('streams the organization’s whole health view after each change, to that organization only', async () => {
    const mine = subscribeWs(system.gatewayUrl, HEALTH, {}, shop);
    const theirs = subscribeWs(system.gatewayUrl, HEALTH, {}, neighbour);
    await settle(500);
    try {
      await expectData(
        system.gatewayUrl,
        `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", enabled: true }) { webhookEndpoint { id } } }`,
        {},
        shop,
      );
      expect((await mine.next()).data).toEqual({
        integrationHealthChanged: {
          connections: [],
          lastSyncRuns: [],
          webhookEndpoints: [{ url: 'http://127.0.0.1:9/hooks', enabled: true, consecutiveFailures: 0 }],
        },
      });
      await expect(theirs.next(1_000)).rejects.toThrow(/no subscription event/);
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
    const { integrationHealth } = await expectData(system.gatewayUrl, `{ integrationHealth { webhookEndpoints { url } } }`, {}, neighbour);
    expect(integrationHealth.webhookEndpoints).toEqual([]);
  });
});
