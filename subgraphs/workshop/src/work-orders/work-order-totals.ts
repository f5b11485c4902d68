import { WorkOrderLineKind } from './work-order-line.entity.ts';

export interface PricedLine {
  kind: WorkOrderLineKind;
  quantity: number;
  unitPrice?: number | null;
  taxable: boolean;
}

export interface WorkOrderTotals {
  labourTotal: number;
  partsTotal: number;
  feesTotal: number;
  subtotal: number;
  taxTotal: number;
  total: number;
}

/**
 * A line's amount in minor units: quantity times unit price, rounded half up. Quantities carry at most
 * three decimals, so scaling to thousandths first keeps the product exact in integers.
 */
export function lineTotal(line: Pick<PricedLine, 'quantity' | 'unitPrice'>): number {
  if (line.unitPrice === null || line.unitPrice === undefined) return 0;
  const thousandths = Math.round(line.quantity * 1000);
  return roundHalfUp(thousandths * line.unitPrice, 1000);
}

/**
 * The work order's totals. Tax is computed once on the sum of the taxable lines (not per line), so the
 * estimate, the invoice and an accountant's check agree to the cent.
 */
export function computeTotals(lines: readonly PricedLine[], taxRateBasisPoints: number): WorkOrderTotals {
  const sum = (kind: WorkOrderLineKind) => lines.filter((line) => line.kind === kind).reduce((total, line) => total + lineTotal(line), 0);
  const labourTotal = sum(WorkOrderLineKind.LABOUR);
  const partsTotal = sum(WorkOrderLineKind.PART);
  const feesTotal = sum(WorkOrderLineKind.FEE);
  const subtotal = labourTotal + partsTotal + feesTotal;
  const taxable = lines.filter((line) => line.taxable).reduce((total, line) => total + lineTotal(line), 0);
  const taxTotal = roundHalfUp(taxable * taxRateBasisPoints, 10_000);
  return { labourTotal, partsTotal, feesTotal, subtotal, taxTotal, total: subtotal + taxTotal };
}

/** `numerator / denominator` rounded half up, for non-negative integers. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((numerator * 2 + denominator) / (denominator * 2));
}
