import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql, settle, subscribeWs } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name email status score tags kind } }`;
const LIST = `query($filter: CustomerFilter, $orderBy: [CustomerOrderBy!], $first: Int, $after: String, $offset: Int) {
  customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after, offset: $offset) {
    totalCount nodes { id name } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

let system: TestSystem;
let shop: TestOrganization;

beforeAll(async () => {
  system = await startSystem();
  shop = await system.createOrganization();
  for (const [name, status, score, tags] of [
    ['Ada Lovelace', 'CUSTOMER', 90, ['vip', 'fleet']],
    ['Alan Turing', 'LEAD', 40, ['fleet']],
    ['Barbara Liskov', 'CUSTOMER', 70, []],
    ['Claude Shannon', 'INACTIVE', 10, ['vip']],
    ['Donald Knuth', 'LEAD', 55, []],
  ] as const) {
    await expectData(system.gatewayUrl, CREATE, { input: { name, status, score, tags, email: `${name.split(' ')[0]?.toLowerCase()}@example.test` } }, shop);
  }
});
afterAll(() => system?.stop());

const names = (data: Record<string, any>): string[] => data.customers.nodes.map((c: { name: string }) => c.name);

describe('customers through the gateway', () => {
  it('filters by typed field conditions and full-text q', async () => {
    expect(names(await expectData(system.gatewayUrl, LIST, { filter: { status: { in: ['LEAD'] } }, orderBy: ['NAME_ASC'] }, shop))).toEqual([
      'Alan Turing',
      'Donald Knuth',
    ]);
    expect(names(await expectData(system.gatewayUrl, LIST, { filter: { score: { gte: 55, lt: 90 } }, orderBy: ['SCORE_DESC'] }, shop))).toEqual([
      'Barbara Liskov',
      'Donald Knuth',
    ]);
    expect(names(await expectData(system.gatewayUrl, LIST, { filter: { tags: { hasAll: ['vip'] } }, orderBy: ['NAME_ASC'] }, shop))).toEqual([
      'Ada Lovelace',
      'Claude Shannon',
    ]);
    expect(names(await expectData(system.gatewayUrl, LIST, { filter: { q: 'ALAN example' } }, shop))).toEqual(['Alan Turing']);
    expect(names(await expectData(system.gatewayUrl, LIST, { filter: { name: { startsWith: 'b' } } }, shop))).toEqual(['Barbara Liskov']);
  });

  it('pages by cursor and by offset over the same order', async () => {
    const first = await expectData(system.gatewayUrl, LIST, { orderBy: ['NAME_ASC'], first: 2 }, shop);
    expect(names(first)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(first.customers).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });

    const second = await expectData(system.gatewayUrl, LIST, { orderBy: ['NAME_ASC'], first: 2, after: first.customers.pageInfo.endCursor }, shop);
    expect(names(second)).toEqual(['Barbara Liskov', 'Claude Shannon']);

    const byOffset = await expectData(system.gatewayUrl, LIST, { orderBy: ['NAME_ASC'], first: 2, offset: 4 }, shop);
    expect(names(byOffset)).toEqual(['Donald Knuth']);
    expect(byOffset.customers.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const badCursor = await graphql(system.gatewayUrl, LIST, { after: 'not-a-cursor' }, shop);
    expect(errorOf(badCursor)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
  });

  it('updates only the given fields and streams the change', async () => {
    const { createCustomer } = await expectData(
      system.gatewayUrl,
      CREATE,
      { input: { name: 'Edsger Dijkstra', email: 'edsger@example.test', score: 20 } },
      shop,
    );
    const changes = subscribeWs(system.gatewayUrl, `subscription { customerChanged { kind id node { name score email } } }`, {}, shop);
    await settle(500);
    try {
      const { updateCustomer } = await expectData(
        system.gatewayUrl,
        `mutation($id: ID!) { updateCustomer(id: $id, input: { score: 80, email: null }) { name score email } }`,
        { id: createCustomer.id },
        shop,
      );
      expect(updateCustomer).toEqual({ name: 'Edsger Dijkstra', score: 80, email: null });
      expect((await changes.nextWhere((event) => event.data?.customerChanged.kind !== 'CREATED')).data).toEqual({
        customerChanged: { kind: 'UPDATED', id: createCustomer.id, node: { name: 'Edsger Dijkstra', score: 80, email: null } },
      });

      await expectData(system.gatewayUrl, `mutation($id: ID!) { deleteCustomer(id: $id) }`, { id: createCustomer.id }, shop);
      expect((await changes.next()).data).toEqual({ customerChanged: { kind: 'DELETED', id: createCustomer.id, node: null } });
    } finally {
      await changes.close();
    }
  });

  it('keeps how a customer prefers to be contacted: filterable, changeable and clearable', async () => {
    const { createCustomer } = await expectData(
      system.gatewayUrl,
      `mutation { createCustomer(input: { name: "Frances Allen", phone: "+15005550100", preferredChannel: EMAIL }) { id preferredChannel } }`,
      {},
      shop,
    );
    expect(createCustomer.preferredChannel).toBe('EMAIL');
    const byPreference = (preferredChannel: Record<string, unknown>) => expectData(system.gatewayUrl, LIST, { filter: { preferredChannel } }, shop).then(names);
    expect(await byPreference({ eq: 'EMAIL' })).toEqual(['Frances Allen']);
    expect(await byPreference({ in: ['SMS'] })).toEqual([]);
    const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { preferredChannel } }`;
    expect(
      (await expectData(system.gatewayUrl, UPDATE, { id: createCustomer.id, input: { preferredChannel: 'SMS' } }, shop)).updateCustomer.preferredChannel,
    ).toBe('SMS');
    expect(await byPreference({ eq: 'SMS' })).toEqual(['Frances Allen']);
    expect(
      (await expectData(system.gatewayUrl, UPDATE, { id: createCustomer.id, input: { preferredChannel: null } }, shop)).updateCustomer.preferredChannel,
    ).toBeNull();
    expect(await byPreference({ in: ['SMS', 'EMAIL'] })).toEqual([]);
    await expectData(system.gatewayUrl, `mutation($id: ID!) { deleteCustomer(id: $id) }`, { id: createCustomer.id }, shop);
  });

  it('bulk-deletes all of the given customers, or none when one is unknown', async () => {
    const ids: string[] = [];
    for (const name of ['Temp One', 'Temp Two']) ids.push((await expectData(system.gatewayUrl, CREATE, { input: { name } }, shop)).createCustomer.id);

    const withUnknown = await graphql(
      system.gatewayUrl,
      `
        mutation ($ids: [ID!]!) {
          deleteCustomers(ids: $ids)
        }
      `,
      { ids: [...ids, '3f1d7c9e-0000-4000-8000-000000000000'] },
      shop,
    );
    expect(errorOf(withUnknown).code).toBe('NOT_FOUND');
    expect((await expectData(system.gatewayUrl, LIST, { filter: { id: { in: ids } } }, shop)).customers.totalCount).toBe(2);

    const { deleteCustomers } = await expectData(system.gatewayUrl, `mutation($ids: [ID!]!) { deleteCustomers(ids: $ids) }`, { ids }, shop);
    expect(deleteCustomers).toEqual(ids);
    expect((await expectData(system.gatewayUrl, LIST, { filter: { id: { in: ids } } }, shop)).customers.totalCount).toBe(0);
  });

  it('refuses bad input with every invalid field named, and writes nothing', async () => {
    const before = (await expectData(system.gatewayUrl, LIST, {}, shop)).customers.totalCount;
    const invalid = await graphql(system.gatewayUrl, CREATE, { input: { name: 'X', email: 'not-an-email', phone: 'call me', score: 101 } }, shop);
    expect(errorOf(invalid)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['email', 'phone', 'score'] });
    const missingName = await graphql(system.gatewayUrl, CREATE, { input: { email: 'a@example.test' } }, shop);
    expect(errorOf(missingName)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['name'] });
    const clearedName = await graphql(
      system.gatewayUrl,
      `mutation { updateCustomer(id: "${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}", input: { name: null }) { id } }`,
      {},
      shop,
    );
    expect(errorOf(clearedName)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['name'] });
    expect((await expectData(system.gatewayUrl, LIST, {}, shop)).customers.totalCount).toBe(before);
  });

  it('needs a signed-in caller', async () => {
    const anonymous = await graphql(
      system.gatewayUrl,
      `
        {
          customers {
            totalCount
          }
        }
      `,
    );
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
    const forged = await graphql(
      system.gatewayUrl,
      `
        {
          customers {
            totalCount
          }
        }
      `,
      {},
      { token: `${shop.token}x` },
    );
    expect(errorOf(forged).code).toBe('UNAUTHENTICATED');
  });
});
