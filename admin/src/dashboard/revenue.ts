import { getNamedType, isEnumType, isInputObjectType, isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { ApiRequests } from '../actions/api-request.ts';

/** Invoices in these statuses are no revenue (yet, or any more). */
const NOT_REVENUE = new Set(['DRAFT', 'VOID', 'VOIDED', 'CANCELLED']);

/** Revenue by currency in minor units: `{ EUR: 14250 }`. */
export type Amounts = Record<string, number>;

export interface Revenue {
  today: Amounts;
  week: Amounts;
}

export interface RevenueSource {
  document: DocumentNode;
  /** The signal to re-count on, when the API has one. */
  signal?: SubscribePayload;
}

/**
 * How to learn the revenue from this API, or undefined while it cannot tell: that needs an `invoices` list
 * whose invoices have `total`, `currency` and `issuedAt`, filterable by `issuedAt`. Read from the schema,
 * so the tile appears when commerce ships invoices and never shows a figure the API did not give.
 */
export function revenueSourceOf(schema: GraphQLSchema): RevenueSource | undefined {
  const list = schema.getQueryType()?.getFields().invoices;
  const connection = list && getNamedType(list.type);
  if (!list || !isObjectType(connection)) return undefined;
  const { nodes, pageInfo } = connection.getFields();
  const invoice = nodes && getNamedType(nodes.type);
  if (!pageInfo || !isObjectType(invoice)) return undefined;
  const fields = invoice.getFields();
  if (!fields.total || !fields.currency || !fields.issuedAt) return undefined;

  const filterType = getNamedType(list.args.find((argument) => argument.name === 'filter')?.type);
  if (!isInputObjectType(filterType)) return undefined;
  const conditions = filterType.getFields();
  const issuedAt = conditions.issuedAt && getNamedType(conditions.issuedAt.type);
  if (!isInputObjectType(issuedAt) || !issuedAt.getFields().gte || !issuedAt.getFields().lt) return undefined;

  const statusConditions = conditions.status && getNamedType(conditions.status.type);
  const statusType = fields.status && getNamedType(fields.status.type);
  const counted =
    isInputObjectType(statusConditions) && statusConditions.getFields().in && isEnumType(statusType)
      ? `, status: { in: [${statusType
          .getValues()
          .map((value) => value.name)
          .filter((name) => !NOT_REVENUE.has(name))
          .join(', ')}] }`
      : '';
  const document = parse(`query AdminDashboardRevenue($weekStart: DateTime!, $dayEnd: DateTime!, $after: String) {
    invoices(filter: { issuedAt: { gte: $weekStart, lt: $dayEnd }${counted} }, first: 100, after: $after) {
      nodes { total currency issuedAt }
      pageInfo { hasNextPage endCursor }
    }
  }`);
  const changed = schema.getSubscriptionType()?.getFields().invoiceChanged;
  return changed ? { document, signal: { query: 'subscription AdminDashboardInvoiceChanged { invoiceChanged { kind id } }', variables: {} } } : { document };
}

interface InvoicePage {
  invoices: { nodes: { total: number; currency: string; issuedAt: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Sums this week's invoices (from Monday, in the organization's zone) and today's among them, page by page. */
export async function loadRevenue(api: ApiRequests, source: RevenueSource, range: { start: Date; end: Date; weekStart: Date }): Promise<Revenue> {
  const revenue: Revenue = { today: {}, week: {} };
  const add = (amounts: Amounts, currency: string, total: number) => (amounts[currency] = (amounts[currency] ?? 0) + total);
  let after: string | null = null;
  do {
    const { invoices }: InvoicePage = await api.query<InvoicePage>(source.document, {
      weekStart: range.weekStart.toISOString(),
      dayEnd: range.end.toISOString(),
      after,
    });
    for (const invoice of invoices.nodes) {
      add(revenue.week, invoice.currency, invoice.total);
      if (Date.parse(invoice.issuedAt) >= range.start.getTime()) add(revenue.today, invoice.currency, invoice.total);
    }
    after = invoices.pageInfo.hasNextPage ? invoices.pageInfo.endCursor : null;
  } while (after);
  return revenue;
}
