import { type Subgraph } from '@atelier/kit';
import { type SubgraphName } from '../../subgraphs/registry.ts';
import { commerce } from '../../subgraphs/commerce/src/subgraph.ts';
import { crm } from '../../subgraphs/crm/src/subgraph.ts';
import { identity } from '../../subgraphs/identity/src/subgraph.ts';
import { integrations } from '../../subgraphs/integrations/src/subgraph.ts';
import { workshop } from '../../subgraphs/workshop/src/subgraph.ts';

export { subgraphNames, subgraphPorts, type SubgraphName } from '../../subgraphs/registry.ts';

/** The definition of every subgraph in subgraphs/registry.ts (the compiler names a missing one), in its order. */
export const subgraphs = { identity, crm, workshop, commerce, integrations } as const satisfies Record<SubgraphName, Subgraph>;
