import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WALL = 'import-x/no-restricted-paths';
// a package's internals by name never resolve (its exports hide them), so a pattern rule names them
const WALLS = [WALL, 'no-restricted-imports'];

// The rule checks resolved paths: an import of a file that does not exist is not reported (TypeScript does).
// The allowed contract import needs a contract to resolve to; until workshop has one, a stand-in.
const contract = `${root}subgraphs/workshop/src/contract.ts`;
const standInContract = !existsSync(contract);
beforeAll(() => {
  if (standInContract) writeFileSync(contract, 'export const events = {};\n');
});
afterAll(() => {
  if (standInContract) rmSync(contract);
});

/** What `npm run lint` (eslint .) says about a file at `filePath` holding `code`, from the repository's own config. */
async function wallsBroken(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((message) => WALLS.includes(message.ruleId ?? '')).map((message) => message.message);
}

describe('the import walls that npm run lint enforces', () => {
  const breaches: [string, string, string][] = [
    [
      "a subgraph importing another subgraph's internals",
      'subgraphs/crm/src/walls-fixture.ts',
      `import { WorkOrder } from '../../workshop/src/work-orders/work-order.entity.ts'; void WorkOrder;`,
    ],
    [
      "a type-only import of another subgraph's internals",
      'subgraphs/crm/src/customers/walls-fixture.ts',
      `import type { WorkOrder } from '../../../workshop/src/work-orders/work-order.entity.ts'; export type W = WorkOrder;`,
    ],
    [
      "another subgraph's internals by package name",
      'subgraphs/crm/src/walls-fixture.ts',
      `import { WorkOrder } from '@atelier/workshop/src/work-orders/work-order.entity.ts'; void WorkOrder;`,
    ],
    [
      'a migration importing another subgraph',
      'subgraphs/crm/migrations/walls-fixture.ts',
      `import { workshop } from '../../workshop/src/subgraph.ts'; void workshop;`,
    ],
    ['the kit importing a subgraph', 'subgraphs/shared/src/walls-fixture.ts', `import { crm } from '../../crm/src/subgraph.ts'; void crm;`],
    [
      'the kit importing the subgraph registry',
      'subgraphs/shared/src/server/walls-fixture.ts',
      `import { subgraphPorts } from '../../../registry.ts'; void subgraphPorts;`,
    ],
    ['the gateway importing a subgraph', 'gateway/src/walls-fixture.ts', `import { crm } from '../../subgraphs/crm/src/subgraph.ts'; void crm;`],
    ['the admin importing a subgraph', 'admin/src/walls-fixture.ts', `import { crm } from '../../subgraphs/crm/src/subgraph.ts'; void crm;`],
    ['src importing the test support', 'subgraphs/crm/src/walls-fixture.ts', `import { graphql } from '../../../test/support/graphql.ts'; void graphql;`],
    [
      "src importing a subgraph's own test kit",
      'subgraphs/workshop/src/walls-fixture.ts',
      `import { setUpShop } from '../test-support/work-orders.ts'; void setUpShop;`,
    ],
    ['src importing the fakes', 'subgraphs/integrations/src/walls-fixture.ts', `import { startDocuSignFake } from '@atelier/fakes'; void startDocuSignFake;`],
    ['src importing the scripts', 'gateway/src/walls-fixture.ts', `import { startProduct } from '../../scripts/lib/product.ts'; void startProduct;`],
  ];
  it.each(breaches)('refuses %s', async (_what, filePath, code) => {
    expect(await wallsBroken(filePath, code)).toEqual([expect.stringMatching(/imports? (another|no)|knows? a subgraph|The kit imports no subgraph/)]);
  });

  const allowed: [string, string, string][] = [
    ['a subgraph importing the kit', 'subgraphs/crm/src/walls-fixture.ts', `import { logger } from '@atelier/kit'; void logger;`],
    ['a subgraph importing its own code', 'subgraphs/crm/src/walls-fixture.ts', `import { Customer } from './customers/customer.entity.ts'; void Customer;`],
    ["a subgraph importing another's contract", 'subgraphs/crm/src/walls-fixture.ts', `import { events } from '../../workshop/src/contract.ts'; void events;`],
    [
      "a type-only import of another's contract",
      'subgraphs/crm/src/walls-fixture.ts',
      `import type { events } from '../../workshop/src/contract.ts'; export type E = typeof events;`,
    ],
    [
      'a test importing what it needs',
      'subgraphs/crm/src/walls-fixture.test.ts',
      `import { WorkOrder } from '../../workshop/src/work-orders/work-order.entity.ts'; import { graphql } from '../../../test/support/graphql.ts'; void WorkOrder; void graphql;`,
    ],
    [
      'a test kit importing its subgraph and the test support',
      'subgraphs/workshop/test-support/walls-fixture.ts',
      `import { WorkOrder } from '../src/work-orders/work-order.entity.ts'; import { graphql } from '../../../test/support/graphql.ts'; void WorkOrder; void graphql;`,
    ],
    [
      'the gateway importing the subgraph registry',
      'gateway/src/walls-fixture.ts',
      `import { subgraphNames } from '../../subgraphs/registry.ts'; void subgraphNames;`,
    ],
  ];
  it.each(allowed)('allows %s', async (_what, filePath, code) => {
    expect(await wallsBroken(filePath, code)).toEqual([]);
  });
});
