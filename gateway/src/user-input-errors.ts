import { variableInputError } from '@atelier/kit';
import { type GraphQLError, type ExecutionResult } from 'graphql';

/**
 * Bad variables as the API conventions promise: `BAD_USER_INPUT` naming the field, never quoting the value
 * (the kit's `variableInputError`, which the subgraphs use for the scalars only they coerce).
 */
export function toUserInputError(error: GraphQLError): GraphQLError {
  if (error.extensions?.code && error.extensions.code !== 'BAD_USER_INPUT') return error;
  return variableInputError(error) ?? error;
}

export function withUserInputErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => toUserInputError(error as GraphQLError)) };
}
