/** Digits after the decimal point of a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // an unknown code: shown as a plain amount below
  }
}

/** An amount in minor units (ARCHITECTURE.md: integer minor units + ISO currency) as "€1,234.50". */
export function formatMoney(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  const major = minor / 10 ** minorDigitsOf(currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(major);
  } catch {
    return `${major.toFixed(minorDigitsOf(currency))} ${currency}`;
  }
}

/** What a person types ("95.5") as minor units (9550); exact for the currency's digits. */
export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** minorDigitsOf(currency));

export const toMajor = (minor: number, currency: string) => minor / 10 ** minorDigitsOf(currency);
