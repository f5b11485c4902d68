import { readFileSync } from 'node:fs';
import { buildSchema, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { revenueSourceOf } from '../../admin/src/dashboard/revenue.ts';
import { statusCountFilter } from '../../admin/src/dashboard/status-counts.ts';
import { dayRangeIn, formatTimeIn } from '../../admin/src/dashboard/time-zone.ts';

const apiSdl = readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8');

/** What commerce's invoices could look like once it has them: enough for the dashboard to count revenue. */
const INVOICES = `
  enum InvoiceStatus { DRAFT ISSUED PAID VOID }
  type Invoice { id: ID! number: String! status: InvoiceStatus! total: Int! currency: String! issuedAt: DateTime }
  type InvoiceConnection { nodes: [Invoice!]! pageInfo: PageInfo! totalCount: Int! }
  input InvoiceStatusFilter { eq: InvoiceStatus in: [InvoiceStatus!] }
  input InvoiceFilter { status: InvoiceStatusFilter issuedAt: DateTimeFilter }
  type InvoiceChange { kind: String! id: ID! }
  extend type Query { invoices(filter: InvoiceFilter, first: Int, after: String): InvoiceConnection! }
  extend type Subscription { invoiceChanged(id: ID): InvoiceChange! }
`;

describe('the dashboard', () => {
  it('offers no revenue while the API has no invoices', () => {
    expect(revenueSourceOf(buildSchema(apiSdl))).toBeUndefined();
  });

  it('counts the revenue of issued and paid invoices once the API has them, and re-counts on their signal', () => {
    const schema = buildSchema(apiSdl + INVOICES);
    const source = revenueSourceOf(schema);
    expect(source).toBeDefined();
    expect(validate(schema, source!.document)).toEqual([]);
    expect(print(source!.document)).toContain('status: {in: [ISSUED, PAID]}');
    expect(validate(schema, parse(source!.signal!.query))).toEqual([]);
  });

  it('counts only the jobs closed today in a final status, every job in an open one', () => {
    const since = '2026-12-07T21:00:00.000Z';
    expect(statusCountFilter('COMPLETED', since)).toEqual({ status: { eq: 'COMPLETED' }, completedAt: { gte: since } });
    expect(statusCountFilter('CANCELLED', since)).toEqual({ status: { eq: 'CANCELLED' }, updatedAt: { gte: since } });
    expect(statusCountFilter('READY', since)).toEqual({ status: { eq: 'READY' } });
  });

  it("begins today and this week at midnight in the organization's zone, not the browser's", () => {
    // 23:30 UTC on Sunday 6 December is already Monday 7 December in Dar es Salaam (UTC+3)
    const late = new Date('2026-12-06T23:30:00Z');
    expect(dayRangeIn('Africa/Dar_es_Salaam', late)).toEqual({
      start: new Date('2026-12-06T21:00:00Z'),
      end: new Date('2026-12-07T21:00:00Z'),
      weekStart: new Date('2026-12-06T21:00:00Z'),
      isoDay: '2026-12-07',
    });
    expect(dayRangeIn('UTC', late)).toMatchObject({
      start: new Date('2026-12-06T00:00:00Z'),
      weekStart: new Date('2026-11-30T00:00:00Z'),
      isoDay: '2026-12-06',
    });
    expect(formatTimeIn('2026-12-07T06:00:00Z', 'Africa/Dar_es_Salaam', 'en-US')).toBe('09:00 AM');
  });

  it('follows daylight saving: the day clocks go forward has 23 hours', () => {
    const range = dayRangeIn('Europe/Berlin', new Date('2026-03-29T12:00:00Z'));
    expect(range.start).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(range.end).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(range.weekStart).toEqual(new Date('2026-03-22T23:00:00Z'));
  });
});
