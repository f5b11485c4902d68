import { IsOptional, ValidateIf } from 'class-validator';
import { Field } from 'type-graphql';

type ReturnTypeFunc = NonNullable<Parameters<typeof Field>[0]>;
type Rule = PropertyDecorator;
type Options = { description?: string };

const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };

/**
 * The three shapes an input field takes, so create and update inputs state each field in one line with
 * the same rules:
 * - `Required`: must be given (non-null in the schema) and pass its rules;
 * - `Optional`: may be left out, or set to null to clear it;
 * - `Changeable`: an update of a required field: may be left out, but not cleared.
 */
export const Required = (type: ReturnTypeFunc, rules: Rule[], options: Options = {}) => apply(Field(type, options), ...rules);

export const Optional = (type: ReturnTypeFunc, rules: Rule[], options: Options = {}) => apply(Field(type, { ...options, nullable: true }), IsOptional(), ...rules);

export const Changeable = (type: ReturnTypeFunc, rules: Rule[], options: Options = {}) =>
  apply(Field(type, { ...options, nullable: true }), ValidateIf((_, value) => value !== undefined), ...rules);
