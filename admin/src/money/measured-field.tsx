import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Measure } from './measures.ts';
import { formatMoney, formatPercent, formatQuantity } from './money.ts';

/** The locale numbers are written in: the browser's (the organization has no locale setting yet). */
export const DISPLAY_LOCALE: string | undefined = undefined;

/** What a measured value reads on a list or show page: "€42.50", "16%", "123,456 km". */
export function formatMeasured(measure: Measure, record: Record<string, unknown>, source: string): string {
  const value = record[source] as number | null | undefined;
  switch (measure.kind) {
    case 'money':
      return formatMoney(value, record[measure.currencyField] as string | undefined, DISPLAY_LOCALE);
    case 'percent':
      return formatPercent(value, DISPLAY_LOCALE);
    case 'quantity':
      return formatQuantity(value, DISPLAY_LOCALE, measure.unit);
  }
}

/** An amount, percentage or quantity of the record, right-aligned in lists like react-admin's NumberField. */
export function MeasuredField({ source, measure }: { source: string; measure: Measure; sortable?: boolean; textAlign?: 'right' }) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatMeasured(measure, record, source)}
    </Typography>
  );
}
