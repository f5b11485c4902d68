import { validate, type ValidationError } from 'class-validator';
import { badUserInput, type FieldError } from '../errors.ts';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // class-validator's own messages start with the property name; ours do not: keep only the message
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * type-graphql's `validateFn`: runs the class-validator rules declared on input classes and turns every
 * violation into one BAD_USER_INPUT error that names each field, before the resolver (and any write) runs.
 */
export async function validateArgument(argValue: unknown): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const fields: FieldError[] = [];
  for (const value of values) {
    if (value && typeof value === 'object')
      fields.push(...flatten(await validate(value, { forbidUnknownValues: false, skipMissingProperties: false, stopAtFirstError: true })));
  }
  if (fields.length) throw badUserInput(fields);
}
