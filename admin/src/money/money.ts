/**
 * Amounts as the API gives them (ARCHITECTURE.md: integer minor units beside an ISO 4217 `currency`) and as
 * people read and type them ("€19.90", "19.90"). Conversions work on the digits as text, never through
 * floating point, so 19.90 EUR is 1990 and 1.234 TND is 1234 exactly.
 */

/** Digits after the decimal point of a currency (its ISO 4217 exponent): 2 for EUR, 0 for JPY, 3 for TND. */
export function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // not a currency code Intl knows (the API refuses those): read as cents
  }
}

/** Minor units as an exact decimal text: (1990, 2) is "19.90", (-5, 2) is "-0.05", (42, 0) is "42". */
export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const padded = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  if (digits === 0) return sign + padded;
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** The decimal a person types, for a form's input: 1990 EUR reads "19.90". */
export const toDecimalText = (minor: number, currency: string) => minorToDecimal(minor, minorDigitsOf(currency));

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

/** Spaces, apostrophes and the thin spaces some locales group thousands with: "1 234,50", "1'234.50". */
const GROUPING = /[\s\u00a0\u202f']/g;

/** GraphQL's `Int` is 32 bits: larger minor units could not be sent. */
const GRAPHQL_INT_MAX = 2 ** 31 - 1;

/** An amount to show as an example in messages: "19.90" in EUR, "1990" in JPY, "19.900" in TND. */
const exampleOf = (digits: number) => (digits === 0 ? '1990' : `19.${'9'.padEnd(digits, '0')}`);

/**
 * What a person types ("19.90", "19,90", "-3", "1 234.50") as minor units of `currency`. The last `.` or `,`
 * is the decimal separator and any before it group thousands ("1,234.50"). More decimals than the currency
 * has are refused rather than rounded (trailing zeros aside: "19.900" is 19.90).
 */
export function parseDecimalAmount(text: string, currency: string): ParsedAmount {
  const digits = minorDigitsOf(currency);
  const match = /^([-+]?)(\d[\d.,]*)$/.exec(text.trim().replace(GROUPING, ''));
  if (!match) return { ok: false, message: `Type an amount in ${currency}, like ${exampleOf(digits)}` };
  const [, sign, number] = match as unknown as [string, string, string];
  const separator = Math.max(number.lastIndexOf('.'), number.lastIndexOf(','));
  const whole = separator < 0 ? number : number.slice(0, separator).replace(/[.,]/g, '');
  const fraction = separator < 0 ? '' : number.slice(separator + 1).replace(/0+$/, '');
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${currency} has no decimals` : `${currency} has at most ${digits} decimal${digits === 1 ? '' : 's'}, like ${exampleOf(digits)}`,
    };
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (minor > GRAPHQL_INT_MAX) return { ok: false, message: 'The amount is too large' };
  return { ok: true, minor: sign === '-' && minor !== 0 ? -minor : minor };
}

/** Minor units as the locale writes the amount: 4250 EUR is "€42.50" in en-US and "42,50 €" in de-DE. */
export function formatMoney(minor: number | null | undefined, currency: string | null | undefined, locale?: string): string {
  if (minor === null || minor === undefined) return '';
  if (!currency) return String(minor);
  const decimal = toDecimalText(minor, currency);
  try {
    // a decimal string is formatted exactly (Intl.NumberFormat v3), with no detour through a float
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(decimal as Intl.StringNumericLiteral);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** A rate the API gives in percent (16, 7.5) as "16 %" or "7.5%", as the locale writes it. */
export const formatPercent = (percent: number | null | undefined, locale?: string) =>
  percent === null || percent === undefined ? '' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(percent / 100);

/** A count or reading with the locale's thousands separators and its unit, if any: 123456 km is "123,456 km". */
export const formatQuantity = (value: number | null | undefined, locale?: string, unit?: string) =>
  value === null || value === undefined ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 4, ...(unit && { style: 'unit', unit }) }).format(value);
