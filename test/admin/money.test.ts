import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeResources } from '../../admin/src/schema/resources.ts';
import { formatMoney, formatPercent, formatQuantity, minorDigitsOf, parseDecimalAmount, toDecimalText } from '../../admin/src/money/money.ts';

const minorOf = (text: string, currency: string) => {
  const parsed = parseDecimalAmount(text, currency);
  return parsed.ok ? parsed.minor : parsed.message;
};

describe('money in the admin', () => {
  it("knows each currency's decimals (ISO 4217 exponent)", () => {
    expect([minorDigitsOf('EUR'), minorDigitsOf('JPY'), minorDigitsOf('TND'), minorDigitsOf('KES')]).toEqual([2, 0, 3, 2]);
  });

  it('converts a typed decimal to minor units exactly, by the currency exponent', () => {
    expect(minorOf('19.90', 'EUR')).toBe(1990);
    expect(minorOf('19,90', 'EUR')).toBe(1990);
    expect(minorOf('19.9', 'EUR')).toBe(1990);
    expect(minorOf('19', 'EUR')).toBe(1900);
    expect(minorOf('1', 'JPY')).toBe(1);
    expect(minorOf('1.234', 'TND')).toBe(1234);
    expect(minorOf('0.001', 'TND')).toBe(1);
    expect(minorOf('1 234.50', 'EUR')).toBe(123450);
    expect(minorOf('1,234.50', 'EUR')).toBe(123450);
    expect(minorOf('19.900', 'EUR')).toBe(1990); // trailing zeros are no extra precision
  });

  it('has none of the floating-point errors of multiplying by 100', () => {
    // Math.round(x * 100) gets these right only by luck; 1.005 * 100 is 100.49999999999999
    expect(minorOf('1.005', 'TND')).toBe(1005);
    expect(minorOf('0.30', 'EUR')).toBe(30);
    expect(minorOf('4.35', 'EUR')).toBe(435);
    expect(minorOf('1234567.89', 'EUR')).toBe(123456789);
    expect(minorOf('21474836.47', 'EUR')).toBe(2 ** 31 - 1); // GraphQL's Int
    expect(minorOf('21474836.48', 'EUR')).toBe('The amount is too large');
  });

  it('takes negative amounts (credits, discounts)', () => {
    expect(minorOf('-3.05', 'EUR')).toBe(-305);
    expect(minorOf('-0', 'EUR')).toBe(0);
    expect(toDecimalText(-305, 'EUR')).toBe('-3.05');
    expect(toDecimalText(-5, 'EUR')).toBe('-0.05');
  });

  it('refuses more decimals than the currency has, and what is no amount, saying why', () => {
    expect(minorOf('19.999', 'EUR')).toBe('EUR has at most 2 decimals, like 19.90');
    expect(minorOf('1.5', 'JPY')).toBe('JPY has no decimals');
    expect(minorOf('1.2345', 'TND')).toBe('TND has at most 3 decimals, like 19.900');
    expect(minorOf('abc', 'EUR')).toBe('Type an amount in EUR, like 19.90');
    expect(minorOf('', 'EUR')).toBe('Type an amount in EUR, like 19.90');
    expect(minorOf('1e3', 'EUR')).toBe('Type an amount in EUR, like 19.90');
  });

  it('shows minor units back as the decimal a person types', () => {
    expect([toDecimalText(1990, 'EUR'), toDecimalText(1, 'JPY'), toDecimalText(1234, 'TND'), toDecimalText(5, 'EUR')]).toEqual(['19.90', '1', '1.234', '0.05']);
  });

  it('formats an amount in its currency and the locale', () => {
    expect(formatMoney(4250, 'EUR', 'en-US')).toBe('€42.50');
    expect(formatMoney(4250, 'EUR', 'de-DE')).toBe('42,50\u00a0€');
    expect(formatMoney(1990, 'JPY', 'ja-JP')).toBe('￥1,990');
    expect(formatMoney(1234, 'TND', 'en-US')).toBe('TND\u00a01.234');
    expect(formatMoney(-305, 'USD', 'en-US')).toBe('-$3.05');
    expect(formatMoney(123456789, 'KES', 'en-KE')).toBe('Ksh\u00a01,234,567.89');
    expect(formatMoney(null, 'EUR', 'en-US')).toBe('');
  });

  it('formats percentages and quantities as the locale writes them', () => {
    expect(formatPercent(16, 'en-US')).toBe('16%');
    expect(formatPercent(7.5, 'fr-FR')).toBe('7,5\u00a0%');
    expect(formatQuantity(123456, 'en-US')).toBe('123,456');
    expect(formatQuantity(1.5, 'en-US')).toBe('1.5');
    expect(formatQuantity(123456, 'en-US', 'kilometer')).toBe('123,456 km');
    expect(formatQuantity(123456, 'fr-FR', 'kilometer')).toBe('123\u202f456\u202fkm');
  });
});

describe('the amounts, percentages and quantities of the API', () => {
  const catalog = describeResources(buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8')));
  const measureOf = (resource: string, field: string) => catalog.get(resource)?.fields.find((candidate) => candidate.name === field)?.measure?.kind;
  const inputMeasureOf = (resource: string, form: 'create' | 'update', field: string) =>
    catalog.get(resource)?.[form]?.fields.find((candidate) => candidate.name === field)?.measure;

  it('reads amounts in minor units beside a currency off the schema', () => {
    expect(measureOf('Product', 'price')).toBe('money'); // described "in minor units of the currency"
    expect(measureOf('ServiceItem', 'rate')).toBe('money');
    expect(measureOf('SignatureRequest', 'total')).toBe('money');
    for (const total of ['labourTotal', 'partsTotal', 'feesTotal', 'subtotal', 'taxTotal', 'total']) expect(measureOf('WorkOrder', total)).toBe('money');
    // the inputs are typed as decimals in the currency of the form
    expect(inputMeasureOf('Product', 'create', 'price')).toEqual({ kind: 'money', currencyField: 'currency' });
    expect(inputMeasureOf('Product', 'update', 'price')).toEqual({ kind: 'money', currencyField: 'currency' });
    expect(inputMeasureOf('ServiceItem', 'create', 'rate')).toEqual({ kind: 'money', currencyField: 'currency' });
    // sizes and counts are not money, although they sit beside a currency
    expect(measureOf('SignatureRequest', 'signedPdfSize')).toBeUndefined();
  });

  it('reads percentages and readings', () => {
    expect(measureOf('WorkOrder', 'taxRate')).toBe('percent');
    expect(inputMeasureOf('WorkOrder', 'create', 'taxRate')?.kind).toBe('percent');
    expect(catalog.get('Vehicle')?.fields.find((field) => field.name === 'mileage')?.measure).toEqual({ kind: 'quantity', unit: 'kilometer' });
    expect(measureOf('Product', 'stockOnHand')).toBe('quantity');
    expect(measureOf('Vehicle', 'year')).toBeUndefined(); // a year has no thousands separator
  });
});
