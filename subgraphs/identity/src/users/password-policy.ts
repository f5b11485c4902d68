import { dictionary } from '@zxcvbn-ts/language-common';
import { MaxLength, MinLength, registerDecorator, type ValidationArguments } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX_LENGTH = 200;

/** The ~49,000 commonest passwords of leaked lists (zxcvbn-ts' common dictionary), all lower case. */
const COMMON_PASSWORDS = new Set(dictionary['passwords-common']);

/**
 * What is wrong with a new password, or null when it is acceptable: too short, too long (saying the
 * limit), one of the commonest passwords, or the person's email address or the part before the @.
 */
export function passwordProblem(password: string, email?: string | null): string | null {
  if (typeof password !== 'string') return 'must be text';
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords; choose another';
  const address = email?.trim().toLowerCase();
  if (address && (lower === address || lower === address.split('@')[0])) return 'must not be your email address';
  return null;
}

/**
 * class-validator rule for a new password field; `emailField` names the sibling field holding the
 * person's email, so the password may not be it.
 */
export function IsAcceptablePassword(options: { emailField?: string } = {}): PropertyDecorator {
  const problemOf = (args: ValidationArguments) => {
    const email = options.emailField ? (args.object as Record<string, unknown>)[options.emailField] : undefined;
    return passwordProblem(args.value as string, typeof email === 'string' ? email : undefined);
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        // absent is fine here: whether the field is required is the input's business
        validate: (value: unknown, args: ValidationArguments) => value === undefined || value === null || problemOf(args) === null,
        defaultMessage: (args?: ValidationArguments) => (args && problemOf(args)) ?? 'is not an acceptable password',
      },
    });
}

/**
 * class-validator rules for a password that is checked rather than chosen (sign-in, the current one):
 * present, and no longer than any password can be, with that limit in the message.
 */
export function IsPresentedPassword(): PropertyDecorator {
  const present = MinLength(1, { message: 'is required' });
  const bounded = MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters` });
  return (target, propertyName) => {
    present(target, propertyName);
    bounded(target, propertyName);
  };
}
