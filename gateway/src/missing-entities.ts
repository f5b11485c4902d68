import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** The entity types (`Customer`) a subgraph answered `null` for in `_entities`, per client operation. */
const missingByContext = new WeakMap<object, Set<string>>();

/** graphql-js's words when a field of an entity that did not resolve (its fields all absent) is non-null. */
const NON_NULL = /^Cannot return null for non-nullable field (\w+)\.\w+\.$/;

type Path = readonly (string | number)[];

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) value = value === null || typeof value !== 'object' ? undefined : (value as Record<string | number, unknown>)[key];
  return value;
}

/**
 * A reference whose record its owner cannot find (deleted, or not visible) reaches the gateway as a null
 * entity; merged with the referencing subgraph's `{ id }`, its non-null fields then fail, and the query
 * answered "Unexpected error". Here such a failure becomes what it is: a nullable reference field is
 * null with no error (the executor already nulled it), and a non-null one keeps one error, on the
 * reference's path, saying the record cannot be found (NOT_FOUND, not an internal error).
 */
export const useMissingEntities: GatewayPlugin = {
  onSubgraphExecute({ executionRequest }) {
    const representations = executionRequest.variables?.representations as { __typename?: string }[] | undefined;
    const context = executionRequest.context as object | undefined;
    if (!Array.isArray(representations) || !context) return;
    return ({ result }) => {
      const entities = (result as ExecutionResult<{ _entities?: unknown[] }>).data?._entities;
      if (!Array.isArray(entities)) return;
      entities.forEach((entity, index) => {
        const type = representations[index]?.__typename;
        if (entity !== null || !type) return;
        const missing = missingByContext.get(context) ?? new Set<string>();
        missing.add(type);
        missingByContext.set(context, missing);
      });
    };
  },
  onExecute({ args }) {
    return {
      onExecuteDone({ result, setResult }) {
        const missing = missingByContext.get(args.contextValue as object);
        if (!missing || !('errors' in result) || !result.errors?.length) return;
        setResult(withMissingEntities(result, missing));
      },
    };
  },
};

export function withMissingEntities(result: ExecutionResult, missing: ReadonlySet<string>): ExecutionResult {
  const reported = new Set<string>();
  const errors: GraphQLError[] = [];
  for (const error of result.errors ?? []) {
    const type = NON_NULL.exec(error.message)?.[1];
    if (!type || !missing.has(type) || !error.path?.length || error.originalError instanceof GraphQLError) {
      errors.push(error);
      continue;
    }
    const path = error.path.slice(0, -1);
    if (valueAt(result.data, path) === null && valueAt(result.data, path.slice(0, -1)) != null) continue; // nulled right at the reference
    const key = path.join('.');
    if (reported.has(key)) continue;
    reported.add(key);
    errors.push(new GraphQLError(`The ${type} this points at cannot be found any more`, { path, extensions: { code: 'NOT_FOUND', type } }));
  }
  const { errors: _all, ...rest } = result;
  return errors.length ? { ...rest, errors } : rest;
}
