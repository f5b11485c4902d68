import { commerce } from '../../subgraphs/commerce/src/subgraph.ts';
import { crm } from '../../subgraphs/crm/src/subgraph.ts';
import { identity } from '../../subgraphs/identity/src/subgraph.ts';
import { integrations } from '../../subgraphs/integrations/src/subgraph.ts';
import { workshop } from '../../subgraphs/workshop/src/subgraph.ts';

/** Every subgraph of the product, in the order they start. */
export const subgraphs = { identity, crm, workshop, commerce, integrations } as const;
export type SubgraphName = keyof typeof subgraphs;
