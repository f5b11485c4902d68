import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startProduct, type RunningProduct } from '../../scripts/lib/product.ts';
import { subgraphNames, type SubgraphName } from '../../subgraphs/registry.ts';
import { provisionOrganization } from '../../subgraphs/identity/src/subgraph.ts';
import { expectData } from './graphql.ts';
import { createIsolatedDatabase } from './isolated-database.ts';

export interface TestOrganization {
  organizationId: string;
  userId: string;
  email: string;
  password: string;
  /** A session token from logging in through the gateway. */
  token: string;
}

export interface TestMember extends TestOrganization {
  membershipId: string;
}

export interface TestSystem {
  gatewayUrl: string;
  product: RunningProduct;
  /** SQL statements each subgraph ran since the last `resetCounts()`. */
  sqlCount: Record<SubgraphName, number>;
  /** GraphQL requests each subgraph received since the last `resetCounts()`. */
  requestCount: Record<SubgraphName, number>;
  resetCounts(): void;
  /** A new organization with its owner, signed in through the gateway. */
  createOrganization(name?: string): Promise<TestOrganization>;
  /**
   * A person invited into the organization with `role` who accepted (a new account), signed in: the whole
   * invitation path through the gateway, the emailed link read from the account email identity queued.
   */
  addMember(organization: TestOrganization, role: string, options?: { email?: string; name?: string }): Promise<TestMember>;
  /** The newest account email identity asked integrations to send to `to`, with the token of its link. */
  accountEmailTo(to: string): Promise<{ subject: string; text: string; token: string | null }>;
  /** Waits until every background job about the organization's events has run (e.g. before counting statements). */
  waitForBackgroundJobs(organizationId: string): Promise<void>;
  stop(): Promise<void>;
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { token } }`;

/**
 * The whole product on free loopback ports against the test database (migrated by the global setup).
 * `isolated`: on a database of its own instead, for tests whose background jobs call a provider fake of
 * this file (another file's workers, on the shared queues, would call theirs).
 */
export async function startSystem(options: { production?: boolean; isolated?: boolean } = {}): Promise<TestSystem> {
  const zero = () => Object.fromEntries(subgraphNames.map((name) => [name, 0])) as Record<SubgraphName, number>;
  const counts = { sql: zero(), requests: zero() };
  const isolated = options.isolated ? await createIsolatedDatabase('system') : undefined;
  const product = await startProduct({
    databaseUrl: isolated?.databaseUrl ?? inject('databaseUrl'),
    ports: 'random',
    production: options.production ?? false,
    migrate: false,
    onQuery: (subgraph) => void counts.sql[subgraph]++,
    onRequest: (subgraph) => void counts.requests[subgraph]++,
  });
  const gatewayUrl = product.gateway.url;
  const system: TestSystem = {
    gatewayUrl,
    product,
    get sqlCount() {
      return { ...counts.sql };
    },
    get requestCount() {
      return { ...counts.requests };
    },
    resetCounts() {
      counts.sql = zero();
      counts.requests = zero();
    },
    async createOrganization(name = `Garage ${randomUUID().slice(0, 8)}`) {
      const email = `owner-${randomUUID()}@example.test`;
      const password = `pw-${randomUUID()}`;
      const { organization, owner } = await provisionOrganization(product.subgraphs.identity.orm.em, { name, owner: { email, name: 'Owner', password } });
      const { login } = await expectData<{ login: { token: string } }>(gatewayUrl, LOGIN, { input: { email, password } });
      return { organizationId: organization.id, userId: owner.id, email, password, token: login.token };
    },
    async accountEmailTo(to) {
      const [job] = await product.subgraphs.identity.orm.em
        .getConnection()
        .execute<{ data: { data: { subject: string; text: string } } }[]>(
          `select data from pgboss.job where name = 'integrations.account-email' and data->'data'->>'to' = ? order by created_on desc limit 1`,
          [to.toLowerCase()],
        );
      if (!job) throw new Error(`no account email to ${to} was queued`);
      const { subject, text } = job.data.data;
      return { subject, text, token: /[?&]token=([\w-]+)/.exec(text)?.[1] ?? null };
    },
    async addMember(organization, role, options = {}) {
      const email = (options.email ?? `member-${randomUUID()}@example.test`).toLowerCase();
      const password = `pw-${randomUUID()}`;
      await expectData(gatewayUrl, `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { email, role } }, organization);
      const { token } = await system.accountEmailTo(email);
      await expectData(gatewayUrl, `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { role } }`, {
        input: { token, name: options.name ?? 'Member', password },
      });
      const { login } = await expectData<{ login: { token: string; user: { id: string } } }>(
        gatewayUrl,
        `mutation Login($input: LoginInput!) { login(input: $input) { token user { id } } }`,
        { input: { email, password, organizationId: organization.organizationId } },
      );
      const { memberships } = await expectData<{ memberships: { nodes: { id: string }[] } }>(
        gatewayUrl,
        `query($userId: ID!) { memberships(filter: { userId: { eq: $userId } }) { nodes { id } } }`,
        { userId: login.user.id },
        organization,
      );
      return {
        organizationId: organization.organizationId,
        userId: login.user.id,
        email,
        password,
        token: login.token,
        membershipId: memberships.nodes[0]?.id as string,
      };
    },
    async waitForBackgroundJobs(organizationId) {
      // work scheduled for later (an appointment's reminder the day before) is not background work still going on;
      // a retry waiting out its backoff is
      const unfinished = `from pgboss.job where data->>'tenantId' = ? and (state in ('retry', 'active') or (state = 'created' and start_after <= now()))`;
      const connection = () => product.subgraphs.identity.orm.em.getConnection();
      const pending = async () => (await connection().execute<{ n: number }[]>(`select count(*)::int as n ${unfinished}`, [organizationId]))[0]?.n;
      for (let waited = 0; (await pending()) !== 0; waited += 250) {
        if (waited > 60_000) {
          const stuck = await connection().execute<{ name: string; state: string }[]>(`select name, state ${unfinished} limit 10`, [organizationId]);
          throw new Error(`background jobs did not finish within a minute: ${stuck.map((job) => `${job.name} (${job.state})`).join(', ')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async stop() {
      await product.stop();
      await isolated?.drop();
    },
  };
  return system;
}
