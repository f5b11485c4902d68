import { rmSync } from 'node:fs';
import { freePort, startEmbeddedPostgres, type Database } from '../../scripts/lib/postgres.ts';
import { startProduct, type ProductOptions, type RunningProduct } from '../../scripts/lib/product.ts';
import { subgraphs } from '../../scripts/lib/subgraphs.ts';
import { provisionOrganization } from '../../subgraphs/identity/src/subgraph.ts';
import { unlimited } from './limits.ts';

/** The product on a fresh database (embedded PostgreSQL, or a new schema set on DATABASE_URL), stopped after `use`. */
export async function withBenchProduct<T>(use: (product: RunningProduct) => Promise<T>, options: Partial<ProductOptions> = {}): Promise<T> {
  const dataDir = `/tmp/atelier-bench-${process.pid}-${Date.now()}`;
  const database: Database = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'bench', persistent: false });
  try {
    for (const subgraph of Object.values(subgraphs)) await subgraph.migrate(database.url);
    const product = await startProduct({ databaseUrl: database.url, ports: 'random', production: true, migrate: false, rateLimits: unlimited, ...options });
    try {
      return await use(product);
    } finally {
      await product.stop();
    }
  } finally {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A new organization and its owner, signed in through the gateway: the `authorization` header to use, and who it is. */
export async function signedInOwner(product: RunningProduct): Promise<{ auth: { authorization: string }; organizationId: string; ownerId: string }> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const { organization, owner } = await provisionOrganization(product.subgraphs.identity.orm.em, {
    name: 'Bench Garage',
    owner: { email, name: 'Bench', password: 'bench-password' },
  });
  const login = await gql(product.gateway.url, `mutation { login(input: { email: "${email}", password: "bench-password" }) { token } }`);
  return { auth: { authorization: `Bearer ${login.login.token}` }, organizationId: organization.id, ownerId: owner.id };
}

/** A GraphQL request that must succeed: its data. */
export async function gql(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}
