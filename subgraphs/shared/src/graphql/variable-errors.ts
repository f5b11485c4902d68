import { GraphQLError } from 'graphql';

/**
 * graphql-js reports bad variables as plain messages that quote the whole value (a login's password with
 * it), e.g. `Variable "$input" got invalid value {...} at "input.tags[0]"; String cannot represent a non
 * string value: {...}`. The API conventions promise `BAD_USER_INPUT` naming the field (relative to the
 * argument: `name`, `tags.0`) and no echo of what was sent, so both the gateway and every subgraph (which
 * coerces the custom scalars, `DateTime`) read the field back out and say what was wrong in their own words.
 */
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const VARIABLE_MISSING = /^Variable "\$(\w+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/;
const MISSING_FIELD = /^Field "(\w+)" of required type "[^"]+" was not provided\./;
const UNKNOWN_FIELD = /^Field "(\w+)" is not defined by type "[^"]+"\./;
/** graphql-js stops after 50 bad values (a huge list of them) and says so in an error of its own. */
const TOO_MANY = /^Too many errors processing variables/;

const SCALAR_EXPECTATIONS: Record<string, string> = {
  String: 'must be a string',
  Int: 'must be a whole number from -2147483648 to 2147483647',
  Float: 'must be a number',
  Boolean: 'must be true or false',
  ID: 'must be an ID',
  DateTime: 'must be an ISO-8601 date and time, e.g. 2030-01-31T09:00:00Z',
};

/** What a scalar or structure needed, from graphql-js's (or graphql-scalars') reason, never quoting the value. */
function expectation(reason: string): string {
  const enumName = /^Enum "(\w+)" cannot represent/.exec(reason)?.[1] ?? /does not exist in "(\w+)" enum/.exec(reason)?.[1];
  if (enumName) return `must be one of the ${enumName} values`;
  const scalar = /^(\w+) cannot (?:represent|be represented)/.exec(reason)?.[1];
  if (scalar) return SCALAR_EXPECTATIONS[scalar] ?? `must be a valid ${scalar}`;
  if (/^Expected type "[^"]+" to be an object\./.test(reason)) return 'must be an object';
  if (/^Expected non-nullable type "[^"]+" not to be null\./.test(reason)) return 'must not be null';
  return 'is not a valid value';
}

/** `input.tags[0]` of `$input` -> `tags.0`; the variable itself when the value is the whole argument. */
function fieldPath(variable: string, at: string | undefined, nested: string | undefined): string {
  const inside = (at ?? '').replace(/\[(\d+)\]/g, '.$1').replace(new RegExp(`^${variable}\\.?`), '');
  return [inside, nested].filter(Boolean).join('.') || variable;
}

/** The BAD_USER_INPUT form of a graphql-js variable error; null for any other error. */
export function variableInputError(error: GraphQLError): GraphQLError | null {
  if (TOO_MANY.test(error.message)) {
    return new GraphQLError('Invalid input: too many invalid values; the errors before this one name the first of them', {
      nodes: error.nodes,
      extensions: { ...error.extensions, code: 'BAD_USER_INPUT', fields: [] },
    });
  }
  const missing = VARIABLE_MISSING.exec(error.message);
  const match = VARIABLE_ERROR.exec(error.message);
  if (!missing && !match) return null;
  let field: string;
  let message: string;
  if (missing) {
    [field, message] = [missing[1] as string, 'is required'];
  } else {
    const [, variable, at, reason] = match as unknown as [string, string, string | undefined, string];
    const nested = MISSING_FIELD.exec(reason) ?? UNKNOWN_FIELD.exec(reason);
    field = fieldPath(variable, at, nested?.[1]);
    message = MISSING_FIELD.test(reason) ? 'is required' : UNKNOWN_FIELD.test(reason) ? 'is not a known field' : expectation(reason);
  }
  return new GraphQLError(`Invalid input: ${field} ${message}`, {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', fields: [{ field, message }] },
  });
}
