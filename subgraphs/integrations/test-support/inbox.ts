/**
 * What the providers' webhook tests share (never used by the product): the organization's inbox as the
 * admin reads it, and how many processing jobs an event got (exactly one, however often it arrived).
 */
import { expectData } from '../../../test/support/graphql.ts';
import { type TestOrganization, type TestSystem } from '../../../test/support/system.ts';

export type InboxNode = { externalEventId: string; type: string; status: string };

/** `system` and `shop` are read at call time: tests assign them in `beforeAll`. */
export function inboxTestKit(system: () => TestSystem, shop: () => TestOrganization) {
  const inbox = async (): Promise<{ totalCount: number; nodes: InboxNode[] }> =>
    (await expectData(system().gatewayUrl, `{ inboundEvents(first: 100) { totalCount nodes { externalEventId type status } } }`, {}, shop())).inboundEvents;
  return {
    inbox,
    inboxEntries: async (externalEventId: string) => (await inbox()).nodes.filter((node) => node.externalEventId === externalEventId),
    jobsFor: async (externalEventId: string): Promise<number> =>
      (
        await system()
          .product.subgraphs.integrations.orm.em.getConnection()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from pgboss.job where name = 'integrations.inbound-processor' and data->>'entityId' in (select id::text from integrations.inbound_events where external_event_id = ?)`,
            [externalEventId],
          )
      )[0]?.n ?? 0,
  };
}
