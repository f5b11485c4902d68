/**
 * Which numbers of the API are amounts, percentages or quantities, so the generated screens format them.
 * The convention: an `Int` on a type with a `currency` field is an amount in minor units of that currency when
 * its description says "minor units", or when it is named in AMOUNTS below (totals whose descriptions do not say
 * it); a number described "in percent" (or "Percent, …") is a percentage; the readings and stock in QUANTITIES
 * get thousands separators (other integers are years, scores and counts, shown without). An input's field
 * (`CreateProductInput.price`) is measured as the record's field of the same name.
 */
export type Measure = { kind: 'money'; currencyField: string } | { kind: 'percent' } | { kind: 'quantity'; unit?: QuantityUnit };

/** Units Intl writes out (`style: 'unit'`): "123,456 km". */
export type QuantityUnit = 'kilometer';

const AMOUNTS: Record<string, string[]> = {
  WorkOrder: ['labourTotal', 'partsTotal', 'feesTotal', 'subtotal', 'taxTotal', 'total'],
};

/** Odometers read kilometres (OdometerReading.reading: "Kilometres on the odometer"). */
const QUANTITIES: Record<string, Record<string, QuantityUnit | undefined>> = {
  Vehicle: { mileage: 'kilometer' },
  OdometerReading: { reading: 'kilometer' },
  WorkOrder: { odometerIn: 'kilometer', odometerOut: 'kilometer' },
  Product: { stockOnHand: undefined },
};

const CURRENCY_FIELD = 'currency';

interface MeasuredField {
  name: string;
  kind: string;
  list: boolean;
  description?: string;
}

/** The measure of a numeric field of `typeName`, whose fields are `fieldNames`; none for other fields. */
export function measureOf(typeName: string, field: MeasuredField, fieldNames: readonly string[]): Measure | undefined {
  if (field.list || (field.kind !== 'integer' && field.kind !== 'decimal')) return undefined;
  const description = field.description ?? '';
  const isAmount = /minor units/i.test(description) || !!AMOUNTS[typeName]?.includes(field.name);
  if (field.kind === 'integer' && isAmount && fieldNames.includes(CURRENCY_FIELD)) return { kind: 'money', currencyField: CURRENCY_FIELD };
  if (/(^|\bin )percent\b/i.test(description)) return { kind: 'percent' };
  const quantities = QUANTITIES[typeName];
  if (quantities && field.name in quantities) {
    const unit = quantities[field.name];
    return unit ? { kind: 'quantity', unit } : { kind: 'quantity' };
  }
  return undefined;
}
