import { badUserInput } from '../errors.ts';

/** The largest whole number a GraphQL `Int` and a Postgres `integer` column hold (2^31 - 1). */
export const MAX_INT = 2_147_483_647;

export const fitsInt = (value: number) => Number.isSafeInteger(value) && Math.abs(value) <= MAX_INT;

/**
 * Amounts the server computes from input (a line's total, a document's sum) must fit the `Int` fields and
 * integer columns that keep them; when one does not, the input that produced it is refused, naming `blame`.
 */
export function assertFitsInt(amounts: readonly number[], blame: readonly string[], what: string): void {
  if (amounts.every(fitsInt)) return;
  throw badUserInput(blame.map((field) => ({ field, message: `makes ${what} exceed ${MAX_INT} minor units` })));
}
