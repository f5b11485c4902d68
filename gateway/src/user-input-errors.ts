import { GraphQLError, type ExecutionResult } from 'graphql';

/**
 * graphql-js reports bad variables as plain messages, e.g. `Variable "$input" got invalid value {...};
 * Field "name" of required type "String!" was not provided.` The API conventions promise `BAD_USER_INPUT`
 * naming the field (relative to the argument: `name`, `tags.0`), so the gateway reads it back out.
 */
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const MISSING_FIELD = /^Field "(\w+)" of required type "[^"]+" was not provided\.$/;
const UNKNOWN_FIELD = /^Field "(\w+)" is not defined by type "[^"]+"\./;

export function toUserInputError(error: GraphQLError): GraphQLError {
  if (error.extensions?.code && error.extensions.code !== 'BAD_USER_INPUT') return error;
  const match = VARIABLE_ERROR.exec(error.message);
  if (!match) return error;
  const [, variable, at, reason] = match as unknown as [string, string, string | undefined, string];
  // paths are relative to the argument, as the subgraphs' validation names them: `input.make` -> `make`
  const inside = at?.replace(new RegExp(`^${variable}\\.?`), '') ?? '';
  const nested = MISSING_FIELD.exec(reason) ?? UNKNOWN_FIELD.exec(reason);
  const field = [inside, nested?.[1]].filter(Boolean).join('.') || variable;
  const message = MISSING_FIELD.test(reason) ? 'is required' : UNKNOWN_FIELD.test(reason) ? 'is not a known field' : reason;
  // graphql-js quotes the whole value in its message (a login's password with it): say which field, not what it held
  return new GraphQLError(`Invalid input: ${field} ${message}`, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', fields: [{ field, message }] },
  });
}

export function withUserInputErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => toUserInputError(error as GraphQLError)) };
}
