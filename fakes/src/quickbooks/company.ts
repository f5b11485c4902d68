import { type EntityContext, ENTITIES, ENTITY_NAMES, type EntityName, type QboObject, SEED_ACCOUNTS } from './entities.ts';
import { businessValidation, objectNotFound, qboTime, QboFault, requiredParameter, staleObject } from './errors.ts';
import { ordering, type Query, satisfies } from './query.ts';

export type Operation = 'Create' | 'Update' | 'Delete' | 'Void';

/** One change, as webhooks and CDC report it. */
export interface EntityChange {
  realmId: string;
  entity: EntityName;
  id: string;
  operation: Operation;
  at: number;
}

interface Stored {
  object: QboObject;
  deleted: boolean;
  changedAt: number;
}

/** At most this many objects per entity in one CDC answer, as QBO caps it. */
const CDC_LIMIT = 1000;

export interface CompanyOptions {
  realmId: string;
  name: string;
  currency: string;
  clock: () => number;
  onChange: (change: EntityChange) => void;
}

/** One QuickBooks company (realm): its lists and transactions, SyncTokens, and the changes CDC reads. */
export function createCompany(options: CompanyOptions) {
  const { realmId, clock } = options;
  const tables = new Map<EntityName, Map<string, Stored>>(ENTITY_NAMES.map((entity) => [entity, new Map()]));
  const lastIds = new Map<EntityName, number>();
  let lastDocNumber = 1000;
  const table = (entity: EntityName) => tables.get(entity) as Map<string, Stored>;

  const context: EntityContext = {
    currency: options.currency,
    get today() {
      return new Date(clock()).toISOString().slice(0, 10);
    },
    find: (entity, id) => {
      const stored = table(entity).get(id);
      return stored && !stored.deleted ? stored.object : undefined;
    },
    nameTaken: (entity, field, name, exceptId) =>
      [...table(entity).values()].some((stored) => stored.object.Id !== exceptId && String(stored.object[field]).toLowerCase() === name.toLowerCase()),
    nextDocNumber: () => String(++lastDocNumber),
  };

  function store(entity: EntityName, object: QboObject, operation: Operation, deleted = false) {
    const at = clock();
    table(entity).set(object.Id, { object, deleted, changedAt: at });
    options.onChange({ realmId, entity, id: object.Id, operation, at });
  }

  function create(entity: EntityName, input: Record<string, unknown>): QboObject {
    const fields = ENTITIES[entity].complete(input, context);
    const id = (lastIds.get(entity) ?? 0) + 1;
    const now = qboTime(clock());
    const object = { ...fields, domain: 'QBO', sparse: false, Id: String(id), SyncToken: '0', MetaData: { CreateTime: now, LastUpdatedTime: now } };
    lastIds.set(entity, id);
    store(entity, object, 'Create');
    return object;
  }

  function current(entity: EntityName, body: Record<string, unknown>): QboObject {
    const stored = table(entity).get(String(body.Id));
    if (!stored || stored.deleted) throw objectNotFound();
    if (body.SyncToken === undefined) throw requiredParameter('SyncToken');
    if (String(body.SyncToken) !== stored.object.SyncToken) throw staleObject(entity);
    return stored.object;
  }

  function nextVersion(previous: QboObject, fields: Record<string, unknown>): QboObject {
    const metaData = previous.MetaData as Record<string, string>;
    return {
      ...fields,
      domain: 'QBO',
      sparse: false,
      Id: previous.Id,
      SyncToken: String(Number(previous.SyncToken) + 1),
      MetaData: { ...metaData, LastUpdatedTime: qboTime(clock()) },
    };
  }

  /** A full update replaces what it leaves out (QuickBooks clears it); `sparse: true` changes only what is sent. */
  function update(entity: EntityName, body: Record<string, unknown>): QboObject {
    const previous = current(entity, body);
    const { sparse, SyncToken: _token, MetaData: _meta, ...changes } = body;
    const base = sparse === true ? { ...previous, ...changes } : changes;
    const object = nextVersion(previous, ENTITIES[entity].complete(base, context, previous));
    store(entity, object, 'Update');
    return object;
  }

  function transactionOnly(entity: EntityName, operation: string) {
    if (!ENTITIES[entity].transaction) throw new QboFault('500', 'Unsupported Operation', `Operation ${operation} is not supported.`);
  }

  function remove(entity: EntityName, body: Record<string, unknown>) {
    transactionOnly(entity, 'Delete');
    const previous = current(entity, body);
    store(entity, previous, 'Delete', true);
    return { domain: 'QBO', status: 'Deleted', Id: previous.Id };
  }

  /** A voided invoice keeps its lines at zero and says so in its memo. */
  function voidTransaction(entity: EntityName, body: Record<string, unknown>): QboObject {
    transactionOnly(entity, 'Void');
    const previous = current(entity, body);
    const lines = (previous.Line as Record<string, unknown>[]).map((line) => ({ ...line, Amount: 0 }));
    const object = nextVersion(previous, { ...previous, Line: lines, TotalAmt: 0, Balance: 0, PrivateNote: 'Voided' });
    store(entity, object, 'Void');
    return object;
  }

  /** A payment received in QuickBooks lowers the invoice's balance (the Payment itself is not modelled). */
  function recordPayment(invoiceId: string, amount?: number): QboObject {
    const previous = read('Invoice', invoiceId);
    const balance = Number(previous.Balance);
    const paid = amount ?? balance;
    if (paid <= 0 || paid > balance) throw businessValidation(`A payment of ${paid} does not fit the open balance ${balance}.`);
    const object = nextVersion(previous, { ...previous, Balance: Math.round((balance - paid) * 100) / 100 });
    store('Invoice', object, 'Update');
    return object;
  }

  function read(entity: EntityName, id: string): QboObject {
    const object = context.find(entity, id);
    if (!object) throw objectNotFound();
    return object;
  }

  /** A query's rows; name lists hide inactive objects unless the query mentions `Active`. */
  function query(entity: EntityName, parsed: Query) {
    const hideInactive = ENTITIES[entity].nameList && !parsed.conditions.some((condition) => condition.field.toLowerCase() === 'active');
    return [...table(entity).values()]
      .filter((stored) => !stored.deleted && (!hideInactive || stored.object.Active !== false))
      .map((stored) => stored.object)
      .filter((object) => parsed.conditions.every((condition) => satisfies(object, condition)))
      .sort(ordering(parsed.orderBy));
  }

  /** Change Data Capture: each entity's objects changed since `since`, deletions as `status: 'Deleted'` stubs. */
  function changedSince(entities: EntityName[], since: number) {
    return entities.map((entity) => {
      const changed = [...table(entity).values()]
        .filter((stored) => stored.changedAt >= since)
        .sort((a, b) => a.changedAt - b.changedAt)
        .slice(0, CDC_LIMIT)
        .map((stored) =>
          stored.deleted ? { domain: 'QBO', status: 'Deleted', Id: stored.object.Id, MetaData: { LastUpdatedTime: qboTime(stored.changedAt) } } : stored.object,
        );
      return changed.length ? { [entity]: changed, startPosition: 1, maxResults: changed.length } : {};
    });
  }

  for (const account of SEED_ACCOUNTS) {
    const id = (lastIds.get('Account') ?? 0) + 1;
    lastIds.set('Account', id);
    const now = qboTime(clock());
    const object = {
      ...account,
      FullyQualifiedName: account.Name,
      Active: true,
      CurrentBalance: 0,
      CurrencyRef: { value: options.currency },
      domain: 'QBO',
      sparse: false,
    };
    table('Account').set(String(id), {
      object: { ...object, Id: String(id), SyncToken: '0', MetaData: { CreateTime: now, LastUpdatedTime: now } },
      deleted: false,
      changedAt: clock(),
    });
  }

  return {
    realmId,
    name: options.name,
    create,
    update,
    remove,
    voidTransaction,
    recordPayment,
    read,
    query,
    changedSince,
    /** Every object of an entity, deleted ones left out (assertions, the control API). */
    objects: (entity: EntityName) => [...table(entity).values()].filter((stored) => !stored.deleted).map((stored) => stored.object),
  };
}

export type Company = ReturnType<typeof createCompany>;
