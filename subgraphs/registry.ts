/**
 * Every subgraph of the product, in the order they start, with the port it listens on unless
 * `<NAME>_PORT` says otherwise (the gateway finds it at `<NAME>_URL`, else on that port).
 * The gateway, the scripts, the test system and the deployment files (`npm run generate:deploy`) all
 * read this list. Names and numbers only: the gateway imports it and must not load subgraph code; the
 * definitions are in scripts/lib/subgraphs.ts.
 */
export const subgraphPorts = {
  identity: 4101,
  crm: 4102,
  workshop: 4103,
  commerce: 4105,
  integrations: 4104,
} as const;

export type SubgraphName = keyof typeof subgraphPorts;

export const subgraphNames = Object.keys(subgraphPorts) as SubgraphName[];
