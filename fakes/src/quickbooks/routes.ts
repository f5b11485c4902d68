import { type AuthorizationServer } from '../oauth/authorization-server.ts';
import { type FakeRequest, type FakeResponse, idSequence, type Route, route } from '../server.ts';
import { type Company } from './company.ts';
import { entityNamed, type EntityName } from './entities.ts';
import { authenticationFailed, notAuthorizedForRealm, QboFault, requiredParameter, responseTime, throttled, unsupportedProperty } from './errors.ts';
import { parseQuery } from './query.ts';
import { type createThrottle } from './throttle.ts';

type Work = (company: Company, request: FakeRequest, params: Record<string, string>) => unknown;

/** CDC looks back 30 days at most. */
const CDC_LOOKBACK_MS = 30 * 24 * 3600 * 1000;

export interface QuickBooksRouteOptions {
  oauth: AuthorizationServer;
  companyOf: (realmId: string) => Company;
  throttle: ReturnType<typeof createThrottle>;
  clock: () => number;
}

/** QBO REST v3 under `/v3/company/{realmId}`: create/update/delete/void, read, query and CDC. */
export function companyRoutes({ oauth, companyOf, throttle, clock }: QuickBooksRouteOptions): { routes: Route[]; reset(): void } {
  const tids = idSequence('1-fake-', 12);
  /** Replayed answers of writes sent with `?requestid=` (retries of the same write), per realm. */
  const replays = new Map<string, FakeResponse>();

  const on = (method: string, pattern: string, work: Work) =>
    route(method, `/v3/company/:realmId${pattern}`, (request, params) => {
      const headers = { intuit_tid: tids.next() };
      const time = responseTime(clock());
      try {
        const authentication = oauth.authenticate(request);
        if ('error' in authentication) throw authenticationFailed();
        if (authentication.grant.context.realmId !== params.realmId) throw notAuthorizedForRealm();
        if (!throttle.allow(params.realmId as string)) throw throttled();
        return { status: 200, headers, body: { ...(work(companyOf(params.realmId as string), request, params) as object), time } };
      } catch (error) {
        if (error instanceof QboFault) return error.toResponse(time, headers);
        throw error;
      }
    });
  const entityOf = (name: string | undefined): EntityName => {
    const entity = entityNamed(name ?? '');
    if (!entity) throw unsupportedProperty(`Unsupported entity: ${name}`);
    return entity;
  };

  function runQuery(company: Company, text: string | null) {
    if (!text) throw requiredParameter('query');
    const parsed = parseQuery(text);
    const entity = entityNamed(parsed.entity);
    if (!entity) throw new QboFault('4001', 'Invalid query', `QueryValidationError: Entity ${parsed.entity} is not supported by this fake`);
    const rows = company.query(entity, parsed);
    if (parsed.count) return { QueryResponse: { totalCount: rows.length } };
    const page = rows.slice(parsed.startPosition - 1, parsed.startPosition - 1 + parsed.maxResults);
    const selected = parsed.fields
      ? page.map((row) => ({ ...Object.fromEntries((parsed.fields as string[]).map((field) => [field, row[field]])), domain: 'QBO', sparse: true }))
      : page;
    return { QueryResponse: selected.length ? { [entity]: selected, startPosition: parsed.startPosition, maxResults: selected.length } : {} };
  }

  function write(company: Company, request: FakeRequest, params: Record<string, string>) {
    const entity = entityOf(params.entity);
    const body = request.json<Record<string, unknown>>();
    if (!body) throw new QboFault('2310', 'Invalid Request', 'The request body is not valid JSON.');
    const operation = request.query.get('operation');
    if (operation === 'delete') return { [entity]: company.remove(entity, body) };
    if (operation === 'void') return { [entity]: company.voidTransaction(entity, body) };
    if (operation) throw unsupportedProperty(`Operation ${operation} is not supported.`);
    return { [entity]: body.Id === undefined ? company.create(entity, body) : company.update(entity, body) };
  }

  const writeRoute = on('POST', '/:entity', (company, request, params) => write(company, request, params));

  const routes: Route[] = [
    on('GET', '/query', (company, request) => runQuery(company, request.query.get('query'))),
    on('POST', '/query', (company, request) => runQuery(company, request.body || request.query.get('query'))),
    on('GET', '/cdc', (company, request) => {
      const entities = (request.query.get('entities') ?? '').split(',').filter(Boolean).map(entityOf);
      if (!entities.length) throw requiredParameter('entities');
      const changedSince = request.query.get('changedSince');
      if (!changedSince) throw requiredParameter('changedSince');
      const since = Date.parse(changedSince);
      if (Number.isNaN(since)) throw unsupportedProperty(`Invalid changedSince: ${changedSince}`);
      if (since < clock() - CDC_LOOKBACK_MS) throw unsupportedProperty('changedSince must be within the last 30 days.');
      return { CDCResponse: [{ QueryResponse: company.changedSince(entities, since) }] };
    }),
    on('GET', '/companyinfo/:id', (company) => ({
      CompanyInfo: { CompanyName: company.name, LegalName: company.name, Country: 'US', Id: '1', SyncToken: '0', domain: 'QBO' },
    })),
    on('GET', '/:entity/:id', (company, _request, params) => ({ [entityOf(params.entity)]: company.read(entityOf(params.entity), params.id as string) })),
    /** The same `requestid` answers the same again, so a retried create does not create twice. */
    async (request) => {
      const requestId = request.query.get('requestid');
      const key = `${request.path}:${requestId}`;
      if (requestId && replays.has(key)) return replays.get(key) as FakeResponse;
      const response = await writeRoute(request);
      // Only what the write itself answered is replayed, not a refusal to look at it (401, 403, 429).
      if (requestId && response && (response.status === 200 || response.status === 400)) replays.set(key, response);
      return response;
    },
  ];
  return { routes, reset: () => replays.clear() };
}
