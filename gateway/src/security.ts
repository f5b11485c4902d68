import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';

/** Limits on what one operation may ask for; generous for real screens, tight for abuse. */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3_000,
  maxCost: 20_000,
};

/**
 * graphql-armor's validation rules, applied to every operation before it reaches a subgraph. The limits
 * are named in the error (they are no secret, and a partner developer needs them to fix the query);
 * production also stops suggesting field names, which would map the schema for a prober.
 */
export function operationLimitPlugins(production: boolean) {
  const exposeLimits = true;
  return [
    maxDepthPlugin({ n: operationLimits.maxDepth, exposeLimits, flattenFragments: true }),
    maxAliasesPlugin({ n: operationLimits.maxAliases, exposeLimits }),
    maxTokensPlugin({ n: operationLimits.maxTokens, exposeLimits }),
    costLimitPlugin({ maxCost: operationLimits.maxCost, exposeLimits, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 }),
    ...(production ? [blockFieldSuggestionsPlugin()] : []),
  ];
}
