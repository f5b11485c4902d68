import { randomUUID } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayClient, seedDemoWorkshop } from '../../scripts/lib/demo-workshop.ts';
import { expectData, graphql, type GraphQLResponse } from '../support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../support/system.ts';

/**
 * Every mutation of the composed API, found by introspection through the gateway, gets a small corpus of
 * hostile values for each kind of argument it takes. Whatever is sent: never INTERNAL_SERVER_ERROR, always
 * an `extensions.code`, and not one row (or event) more in the caller's organization.
 */

type Kind = 'String' | 'ID' | 'Int' | 'Float' | 'Boolean' | 'DateTime' | 'Enum' | 'List';

const MIN_INT = -(2 ** 31);
const huge = 'x'.repeat(1_000_000);

/** What no field of any kind may accept. */
const CORPUS: Record<Kind, unknown[]> = {
  String: ['nul\u0000byte', 'lone\ud800surrogate', '\udfff', huge, { an: 'object' }, 12],
  ID: ['not-a-uuid', '', 'nul\u0000', 'x'.repeat(10_000), { an: 'object' }, [randomUUID()]],
  Int: [2 ** 31, MIN_INT - 1, MIN_INT, 1.5, '12', { an: 'object' }],
  Float: [1e300, -1e300, '1', { an: 'object' }],
  Boolean: ['true', 0, { an: 'object' }],
  DateTime: ['not-a-date', '2030-13-45T25:61:00Z', '99999-01-01T00:00:00Z', '0001-01-01T00:00:00Z', 1e15, { an: 'object' }],
  Enum: ['NOT_A_VALUE', { an: 'object' }],
  List: [Array.from({ length: 10_000 }, () => 'x')],
};

/** IDs of the organization's own records by type, in lower case (`customer`, `workorder`): plain IDs reach past "not found". */
const knownIds = new Map<string, string>();

/** The type a mutation acts on: the longest known type its name mentions (`sendEstimate` none, `updateWorkOrder` workorder). */
const entityOf = (mutation: string) => [...knownIds.keys()].filter((type) => mutation.toLowerCase().includes(type)).sort((a, b) => b.length - a.length)[0];

const idFor = (field: string | undefined, entity: string | undefined) => {
  const type = field === 'id' || field === 'ids' ? entity : field?.replace(/Ids?$/, '');
  return (type && knownIds.get(type.toLowerCase())) ?? randomUUID();
};

/** A harmless value of each kind, for the fields a request is not probing. */
const plain = (type: GraphQLInputType, field?: string, entity?: string): unknown => {
  const named = getNamedType(type);
  if (isListType(isNonNullType(type) ? type.ofType : type)) return [plain(getNamedType(type) as GraphQLInputType, field, entity)];
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).map((inner) => [inner.name, plain(inner.type, inner.name, entity)]));
  }
  switch (named.name) {
    case 'ID':
      return idFor(field, entity);
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      return 'Sweep';
  }
};

const kindOf = (type: GraphQLInputType): Kind | null => {
  const named = getNamedType(type);
  if (isEnumType(named)) return 'Enum';
  if (isScalarType(named) && ['String', 'ID', 'Int', 'Float', 'Boolean', 'DateTime'].includes(named.name)) return named.name as Kind;
  return null;
};

/**
 * The argument values with the leaves of `kind` replaced by `hostile` (for lists: the whole list), every
 * one of them or only the `only`-th, and the other leaves plain; null when there is no such leaf.
 */
function withHostile(mutation: string, args: readonly GraphQLArgument[], kind: Kind, hostile: unknown, only?: number): Record<string, unknown> | null {
  const entity = entityOf(mutation);
  let leaves = 0;
  const probe = (type: GraphQLInputType, field: string) =>
    only === undefined || leaves === only ? (leaves++, hostile) : (leaves++, plain(type, field, entity));
  const value = (type: GraphQLInputType, field: string, depth: number): unknown => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return kind === 'List' ? probe(type, field) : [value(inner.ofType, field, depth)];
    if (isInputObjectType(inner)) {
      if (depth > 3) return plain(type, field, entity);
      return Object.fromEntries(Object.values(inner.getFields()).map((nested) => [nested.name, value(nested.type, nested.name, depth + 1)]));
    }
    return kindOf(inner) === kind ? probe(type, field) : plain(type, field, entity);
  };
  const values = Object.fromEntries(args.map((arg) => [arg.name, value(arg.type, arg.name, 0)]));
  return leaves > (only ?? 0) ? values : null;
}

/**
 * Sharp values sent to one field at a time (the other fields plain), so a field without a rule is not hidden
 * by its siblings' refusals: text no index can hold, the smallest Int, a date nobody means.
 */
const long = 'x'.repeat(10_000); // beyond what a b-tree index entry holds (about 2.7 kB)
const ONE_AT_A_TIME: [Kind, unknown][] = [
  ['String', long],
  ['ID', long],
  ['Int', MIN_INT],
  ['Float', 1e300],
  ['DateTime', '0001-01-01T00:00:00Z'],
];

const operationOf = (name: string, args: readonly GraphQLArgument[]) =>
  `mutation Sweep(${args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ')}) { ${name}(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')}) { __typename } }`;

/** The mutation's selection: scalars return no fields, objects `__typename`. */
function mutationDocument(schema: GraphQLSchema, name: string): string {
  const field = schema.getMutationType()!.getFields()[name]!;
  const document = operationOf(name, field.args);
  return isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? document.replace(' { __typename }', '') : document;
}

let system: TestSystem;
let owner: TestOrganization;

beforeAll(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = '100000'; // this one client sends over a thousand requests on purpose
  system = await startSystem();
  delete process.env.RATE_LIMIT_PER_MINUTE;
  owner = await system.createOrganization();
  // a day of the demo shop, so the plain IDs of a request are the organization's own records
  await seedDemoWorkshop(await gatewayClient(system.gatewayUrl, owner));
}, 120_000);
afterAll(() => system?.stop());

/**
 * A digest of everything the organization has: its rows in every subgraph's tables (counted and hashed, so an
 * update shows as well as an insert), the organization and its members' users, and the events about it.
 */
async function stateOf(organizationId: string, since: Date): Promise<Record<string, string>> {
  const connection = system.product.subgraphs.identity.orm.em.getConnection();
  const digest = async (from: string, where: string) =>
    (
      await connection.execute<{ digest: string }[]>(
        `select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from ${from} t where ${where}`,
        [organizationId],
      )
    )[0]!.digest;
  const tables = await connection.execute<{ table_schema: string; table_name: string }[]>(
    `select table_schema, table_name from information_schema.columns where column_name = 'tenant_id' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const state: Record<string, string> = {};
  for (const { table_schema: schema, table_name: table } of tables) state[`${schema}.${table}`] = await digest(`"${schema}"."${table}"`, 'tenant_id::text = ?');
  state['identity.organizations'] = await digest('identity.organizations', 'id::text = ?');
  state['identity.users'] = await digest('identity.users', 'id in (select user_id from identity.memberships where tenant_id::text = ?)');
  // jobs move on by themselves (active, completed, archived): what counts is that none was added
  state['events and jobs'] = String(
    (
      await connection.execute<{ n: number }[]>(`select count(*)::int as n from pgboss.job where data->>'tenantId' = ? and created_on >= ?`, [
        organizationId,
        since,
      ])
    )[0]!.n,
  );
  return state;
}

function problemsOf(result: GraphQLResponse): string[] {
  if (!result.errors?.length) return [`accepted (status ${result.status})`];
  return result.errors.flatMap((error) => {
    const code = error.extensions?.code;
    if (!code) return [`no extensions.code: ${error.message.slice(0, 200)}`];
    if (code === 'INTERNAL_SERVER_ERROR') return [`INTERNAL_SERVER_ERROR: ${error.message.slice(0, 200)}`];
    return [];
  });
}

describe('hostile input across the whole API', () => {
  it('answers every mutation with a coded error and writes nothing, whatever each argument holds', async () => {
    const { __schema } = await expectData<IntrospectionQuery>(system.gatewayUrl, getIntrospectionQuery(), {}, owner);
    const schema = buildClientSchema({ __schema });
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((field) => field.args.length);
    for (const list of Object.values(schema.getQueryType()!.getFields())) {
      const type = getNamedType(list.type).name;
      if (!type.endsWith('Connection') || list.args.some((arg) => isNonNullType(arg.type))) continue;
      const page = await expectData(system.gatewayUrl, `{ ${list.name}(first: 1) { nodes { id } } }`, {}, owner);
      const id = page[list.name].nodes[0]?.id as string | undefined;
      if (id) knownIds.set(type.replace(/Connection$/, '').toLowerCase(), id);
    }
    await system.waitForBackgroundJobs(owner.organizationId);
    const start = new Date();
    const before = await stateOf(owner.organizationId, start);

    const problems: string[] = [];
    let requests = 0;
    const sweep = async (mutation: (typeof mutations)[number]) => {
      const document = mutationDocument(schema, mutation.name);
      const send = async (variables: Record<string, unknown>, what: string) => {
        requests++;
        for (const problem of problemsOf(await graphql(system.gatewayUrl, document, variables, owner)))
          problems.push(`${mutation.name} with ${what}: ${problem}`);
      };
      const shown = (hostile: unknown) =>
        typeof hostile === 'string' && hostile.length > 40 ? `${hostile.length} chars` : JSON.stringify(hostile)?.slice(0, 40);
      for (const [kind, values] of Object.entries(CORPUS) as [Kind, unknown[]][]) {
        for (const hostile of values) {
          const variables = withHostile(mutation.name, mutation.args, kind, hostile);
          if (!variables) break;
          await send(variables, `every ${kind} ${shown(hostile)}`);
        }
      }
      for (const [kind, hostile] of ONE_AT_A_TIME) {
        for (let only = 0, variables; (variables = withHostile(mutation.name, mutation.args, kind, hostile, only)); only++)
          await send(variables, `${kind} #${only} ${shown(hostile)}`);
      }
    };
    // a few mutations at a time, as several clients would send them
    const queue = [...mutations];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await sweep(next);
      }),
    );
    await system.waitForBackgroundJobs(owner.organizationId);
    const after = await stateOf(owner.organizationId, start);

    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    expect({ problems, changed }).toEqual({ problems: [], changed: [] });
    // the sweep means something only if it reached the mutations of every subgraph with each kind of value
    expect(mutations.map((m) => m.name)).toEqual(
      expect.arrayContaining(['createCustomer', 'createVehicle', 'createProduct', 'createApiKey', 'createWebhookEndpoint', 'addWorkOrderLine']),
    );
    expect(requests).toBeGreaterThan(mutations.length * 5);
    expect([...knownIds.keys()]).toEqual(expect.arrayContaining(['customer', 'vehicle', 'workorder', 'appointment', 'technician', 'product']));
  }, 180_000);
});
