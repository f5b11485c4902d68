import { describe, expect, it } from 'vitest';
import { WorkOrderLineKind } from './work-order-line.entity.ts';
import { computeTotals, lineTotal } from './work-order-totals.ts';

const { LABOUR, PART, FEE } = WorkOrderLineKind;

describe('work-order totals', () => {
  it('prices a line as quantity times unit price, rounded half up to the minor unit', () => {
    expect(lineTotal({ quantity: 1.5, unitPrice: 9500 })).toBe(14250);
    expect(lineTotal({ quantity: 0.333, unitPrice: 1001 })).toBe(333); // 333.333
    expect(lineTotal({ quantity: 0.5, unitPrice: 1 })).toBe(1); // exactly half goes up
    expect(lineTotal({ quantity: 4.7, unitPrice: 1290 })).toBe(6063); // 4.7 is not exact in binary; scaled first
    expect(lineTotal({ quantity: 2, unitPrice: null })).toBe(0);
  });

  it('adds labour, parts and fees, and taxes only the taxable lines, once on their sum', () => {
    const totals = computeTotals(
      [
        { kind: LABOUR, quantity: 1.5, unitPrice: 9500, taxable: true },
        { kind: PART, quantity: 2, unitPrice: 4250, taxable: true },
        { kind: PART, quantity: 1, unitPrice: null, taxable: true },
        { kind: FEE, quantity: 1, unitPrice: 450, taxable: false },
      ],
      1600,
    );
    expect(totals).toEqual({ labourTotal: 14250, partsTotal: 8500, feesTotal: 450, subtotal: 23200, taxTotal: 3640, total: 26840 });
  });

  it('rounds the tax on the sum, not per line', () => {
    // per line: 10 x 17.5 % = 1.75 -> 2 each, 6 in all; on the sum: 30 x 17.5 % = 5.25 -> 5
    const lines = [1, 2, 3].map(() => ({ kind: FEE, quantity: 1, unitPrice: 10, taxable: true }));
    expect(computeTotals(lines, 1750).taxTotal).toBe(5);
    expect(computeTotals([], 1600)).toEqual({ labourTotal: 0, partsTotal: 0, feesTotal: 0, subtotal: 0, taxTotal: 0, total: 0 });
  });
});
