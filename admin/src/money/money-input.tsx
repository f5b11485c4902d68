import { TextInput, useRecordContext, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { minorDigitsOf, parseDecimalAmount, toDecimalText } from './money.ts';

/** The currency an amount of the form is in: the form's own `currency` field, else the record's. */
function currencyOf(values: Record<string, unknown> | undefined, currencyField: string): string | undefined {
  const currency = values?.[currencyField];
  return typeof currency === 'string' && currency.trim() ? currency.trim().toUpperCase() : undefined;
}

/**
 * The form keeps what the person typed ("19.90") while they type, and the amount the API sent (1990) until
 * they do; `amountsToMinorUnits` turns typed text into minor units on save, and this validator refuses
 * what it could not turn exactly.
 */
const validAmount =
  (currencyField: string, fixedCurrency: string | undefined): Validator =>
  (value: unknown, values: Record<string, unknown>) => {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const currency = fixedCurrency ?? currencyOf(values, currencyField);
    if (!currency) return `Give the ${currencyField} first`;
    const parsed = parseDecimalAmount(value, currency);
    return parsed.ok ? undefined : parsed.message;
  };

interface MoneyInputProps {
  source: string;
  /** The form's field holding the currency (`currency`), or the currency itself when the form has none (a work order's line). */
  currencyField?: string;
  currency?: string;
  label?: string;
  helperText?: string | false;
  validate?: Validator | Validator[];
  defaultValue?: unknown;
}

/** An amount typed as a decimal in its currency ("19.90" EUR), shown so when editing what the API stored as 1990. */
export function MoneyInput({ source, currencyField = 'currency', currency: fixedCurrency, label, helperText, validate, defaultValue }: MoneyInputProps) {
  const record = useRecordContext();
  const typedCurrency: unknown = useWatch({ name: currencyField, disabled: !!fixedCurrency });
  const currency = fixedCurrency ?? currencyOf({ [currencyField]: typedCurrency ?? record?.[currencyField] }, currencyField);
  const format = (value: unknown) => (typeof value === 'number' && currency ? toDecimalText(value, currency) : ((value as string | null | undefined) ?? ''));
  const digits = currency ? minorDigitsOf(currency) : undefined;
  const hint = currency ? `In ${currency}${digits ? `, up to ${digits} decimals` : ', no decimals'}` : undefined;
  return (
    <TextInput
      source={source}
      label={label}
      format={format}
      parse={(text: string) => text}
      validate={[...(Array.isArray(validate) ? validate : validate ? [validate] : []), validAmount(currencyField, fixedCurrency)]}
      helperText={helperText === false ? false : [hint, helperText].filter(Boolean).join('. ') || undefined}
      defaultValue={defaultValue}
    />
  );
}

/** The form's typed amounts as minor units, for the API; amounts left as the API sent them stay as they are. */
export function amountsToMinorUnits(moneyFields: { name: string; currencyField: string }[]) {
  return (data: Record<string, unknown>): Record<string, unknown> => {
    const converted = { ...data };
    for (const { name, currencyField } of moneyFields) {
      const value = data[name];
      const currency = currencyOf(data, currencyField);
      if (typeof value !== 'string' || value.trim() === '' || !currency) continue; // blank: left out or cleared as before
      const parsed = parseDecimalAmount(value, currency);
      if (parsed.ok) converted[name] = parsed.minor;
    }
    return converted;
  };
}

/** A form value of a MoneyInput as minor units: as the API sent it, typed text converted, null when blank (checked by the input's validator). */
export function minorUnitsOf(value: unknown, currency: string): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = parseDecimalAmount(value, currency);
  return parsed.ok ? parsed.minor : null;
}
