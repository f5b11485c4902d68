import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ValidationContext } from 'graphql';
import { usePageSizeLimit } from './page-size.ts';

/** Limits on what one operation may ask for; generous for real screens, tight for abuse. */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3_000,
  maxCost: 20_000,
  /** Characters of the document: comments and whitespace are no tokens, but still cost parsing and memory. */
  maxDocumentLength: 50_000,
};

/** What an operation refused for its size or shape carries; `limit` says which limit it broke. */
export const OPERATION_TOO_COMPLEX = 'OPERATION_TOO_COMPLEX';

/**
 * graphql-armor words every refusal as "Syntax Error: …" with no code; the API's clients switch on
 * `extensions.code`, so each refusal is re-issued with one and without the misleading prefix.
 */
type Limit = 'depth' | 'aliases' | 'tokens' | 'cost' | 'length';
const refusal = (limit: Limit, maximum: number, reason: string) =>
  new GraphQLError(`Operation too complex: ${reason}`, { extensions: { code: OPERATION_TOO_COMPLEX, limit, maximum } });

function refuseAs(limit: Limit, maximum: number) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const refused = refusal(limit, maximum, error.message.replace(/^Syntax Error:\s*/, ''));
        if (!context) throw refused; // the token limit counts while parsing: there is no validation to report to
        context.reportError(refused);
      },
    ],
  };
}

/** Refuses a document longer than `maxDocumentLength` before the parser reads it. */
const useDocumentLengthLimit: GatewayPlugin = {
  onParse({ params }) {
    const length = typeof params.source === 'string' ? params.source.length : params.source.body.length;
    const maximum = operationLimits.maxDocumentLength;
    if (length > maximum) throw refusal('length', maximum, `the document is ${length} characters long, at most ${maximum} are allowed`);
  },
};

/**
 * graphql-armor's validation rules, applied to every operation before it reaches a subgraph. The limits
 * are named in the error (they are no secret, and a partner developer needs them to fix the query).
 * Page sizes come first: a huge `first` is the caller's input to fix, not a cost to report.
 */
export function operationLimitPlugins() {
  return [
    useDocumentLengthLimit,
    maxTokensPlugin({ n: operationLimits.maxTokens, ...refuseAs('tokens', operationLimits.maxTokens) }),
    usePageSizeLimit,
    maxDepthPlugin({ n: operationLimits.maxDepth, flattenFragments: true, ...refuseAs('depth', operationLimits.maxDepth) }),
    maxAliasesPlugin({ n: operationLimits.maxAliases, ...refuseAs('aliases', operationLimits.maxAliases) }),
    costLimitPlugin({ maxCost: operationLimits.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ...refuseAs('cost', operationLimits.maxCost) }),
  ];
}
