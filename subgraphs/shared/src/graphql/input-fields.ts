import { IsOptional, IsString, Length, ValidateBy, ValidateIf } from 'class-validator';
import { Field } from 'type-graphql';

type ReturnTypeFunc = NonNullable<Parameters<typeof Field>[0]>;
type Rule = PropertyDecorator;
/** `defaultValue`: what a create input takes when the field is left out, declared in the schema (`active: Boolean = true`) so forms start there. */
type Options = { description?: string; defaultValue?: unknown };

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

export const Optional = (type: ReturnTypeFunc, rules: Rule[], options: Options = {}) =>
  apply(Field(type, { ...options, nullable: true }), IsOptional(), ...rules);

export const Changeable = (type: ReturnTypeFunc, rules: Rule[], options: Options = {}) =>
  apply(
    Field(type, { ...options, nullable: true }),
    ValidateIf((_, value) => value !== undefined),
    ...rules,
  );

/**
 * Text that means something only with content (a name, a title): surrounding spaces are dropped before
 * the other rules run and before it is stored, and what is left must not be empty. Place it before
 * length rules, which then measure the trimmed text.
 */
export const NotBlank = (): PropertyDecorator =>
  ValidateBy({
    name: 'notBlank',
    validator: {
      validate(value, args) {
        if (typeof value !== 'string') return false;
        (args!.object as Record<string, unknown>)[args!.property] = value.trim();
        return value.trim().length > 0;
      },
      defaultMessage: () => 'must not be blank',
    },
  });

/** The rules of a required name or title of at most `max` characters. */
export const nameRules = (max: number): Rule[] => [
  IsString({ message: 'cannot be cleared' }),
  NotBlank(),
  Length(1, max, { message: `must be between 1 and ${max} characters` }),
];

/** The earliest date anyone plans or records work at: older history is not this product's. */
export const EARLIEST_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * A date people plan with (an appointment, a promise): from 2000 to `yearsAhead` years from now. The
 * DateTime scalar takes any year from 0 to 9999; a typo there would sit in every calendar and report.
 */
export const PlausibleDate = (yearsAhead = 5): PropertyDecorator =>
  ValidateBy({
    name: 'plausibleDate',
    validator: {
      validate(value) {
        if (!(value instanceof Date)) return false;
        const latest = new Date();
        latest.setUTCFullYear(latest.getUTCFullYear() + yearsAhead);
        return value.getTime() >= EARLIEST_DATE.getTime() && value.getTime() <= latest.getTime();
      },
      defaultMessage: () => `must be from 2000 to ${yearsAhead} years from now`,
    },
  });
