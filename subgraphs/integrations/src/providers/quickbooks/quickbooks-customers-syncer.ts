import { accessToken, readSecrets } from '../../connections/connection.service.ts';
import { type Syncer } from '../../sync/syncer.ts';
import { SyncDirection } from '../../sync/sync-run.entity.ts';
import { ProviderAuthError, ProviderUnavailableError } from '../adapter.ts';
import { Provider } from '../provider.ts';
import { QBO_MINOR_VERSION, quickbooksApiOrigin } from './quickbooks-client.ts';

interface Company {
  realmId: string;
  token: string;
}

interface QboFault {
  Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[] };
}

/**
 * A REST call on the company. Rate limits and outages stop the whole run (it waits and resumes); a fault
 * about this one record (a duplicate name, a stale SyncToken) fails only the record.
 */
async function call<T>(company: Company, method: 'GET' | 'POST', path: string, body?: unknown, requestId?: string): Promise<T> {
  const query = new URLSearchParams({ minorversion: String(QBO_MINOR_VERSION), ...(requestId && { requestid: requestId }) });
  let response: Response;
  try {
    response = await fetch(`${quickbooksApiOrigin()}/v3/company/${encodeURIComponent(company.realmId)}/${path}?${query}`, {
      method,
      headers: { authorization: `Bearer ${company.token}`, accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new ProviderUnavailableError(`QuickBooks could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  const payload = (await response.json().catch(() => ({}))) as T & QboFault;
  if (response.ok) return payload;
  const fault = payload.Fault?.Error?.[0];
  const reason = [fault?.Message, fault?.Detail].filter(Boolean).join(': ') || `HTTP ${response.status}`;
  if (response.status === 401) throw new ProviderAuthError('QuickBooks refused the access token; reconnect QuickBooks');
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ProviderUnavailableError(
      `QuickBooks answered ${response.status}: ${reason}`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  throw new Error(`QuickBooks refused it (${fault?.code ?? response.status}): ${reason}`);
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Atelier's customers as QuickBooks customers, so invoices can be booked against them. */
export const quickbooksCustomersSyncer: Syncer<Company> = {
  provider: Provider.QUICKBOOKS,
  subject: 'customers',
  entityType: 'customer',
  direction: SyncDirection.PUSH,
  async client(context, connection) {
    const { extra } = await readSecrets(context.em, connection);
    if (!extra?.realmId) throw new ProviderAuthError('The QuickBooks company of this connection is unknown; connect QuickBooks again');
    return { realmId: extra.realmId, token: await accessToken(context, connection.id) };
  },
  toExternal: (record) => ({
    DisplayName: text(record.data.name) ?? `Customer ${record.internalId.slice(0, 8)}`,
    ...(text(record.data.email) && { PrimaryEmailAddr: { Address: text(record.data.email) } }),
    ...(text(record.data.phone) && { PrimaryPhone: { FreeFormNumber: text(record.data.phone) } }),
  }),
  async create(company, payload, record) {
    // `requestid` makes a retried create (a crash before the mapping was saved) answer with the same customer
    const created = await call<{ Customer: { Id: string } }>(company, 'POST', 'customer', payload, `atelier-customer-${record.internalId}`);
    return created.Customer.Id;
  },
  async update(company, externalId, payload) {
    // a sparse update needs the current SyncToken (QuickBooks' optimistic lock)
    const current = await call<{ Customer: { SyncToken: string } }>(company, 'GET', `customer/${encodeURIComponent(externalId)}`);
    await call(company, 'POST', 'customer', { ...payload, Id: externalId, SyncToken: current.Customer.SyncToken, sparse: true });
  },
};
