import {
  getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputField, type GraphQLInputType, type GraphQLNamedType, type GraphQLObjectType,
  type GraphQLOutputType, type GraphQLSchema,
} from 'graphql';
import { measureOf, type Measure } from '../money/measures.ts';
import { constantCase, lowerFirst, upperFirst } from './labels.ts';
import { SCREEN_HINTS, type ScreenHint } from './screen-hints.ts';

/** How the admin shows and edits a value; custom scalars it does not know (JSONObject) are JSON. */
export type ValueKind = 'id' | 'text' | 'integer' | 'decimal' | 'boolean' | 'dateTime' | 'enum' | 'json';

const KIND_OF_SCALAR: Record<string, ValueKind> = {
  ID: 'id', String: 'text', Int: 'integer', Float: 'decimal', Boolean: 'boolean', DateTime: 'dateTime',
};

/** A scalar or enum field of a record or of a mutation input. */
export interface ValueField {
  name: string;
  kind: ValueKind;
  /** The values of an enum. */
  choices: string[];
  /** A list of values, like `tags: [String!]`. */
  list: boolean;
  /** Non-null: always set on a record; must be given in an input. */
  required: boolean;
  /** What the API takes when an input leaves the field out (`kind: SyncKind! = INCREMENTAL`). */
  defaultValue?: unknown;
  description?: string;
  /** The resource an ID points at: `ownerId` next to `owner: Customer` references `Customer`. */
  reference?: string;
  /**
   * The object next to an ID, loaded with the record by its naming fields: when it is no resource (`user: User`
   * next to `userId`), and for the reference that is part of the record's name (a work order's `vehicle`).
   */
  embedded?: { name: string; representation: string[] };
  /** An amount in minor units beside its currency, a percentage or a quantity (money/measures.ts). */
  measure?: Measure;
}

/** A field listing rows of another resource, like `Customer.vehicles: [Vehicle!]!`. */
export interface RelatedList {
  name: string;
  resource: string;
  /** The field of the other resource's create input that takes the record's ID, so "Add vehicle" starts at the customer: `ownerId`. */
  target?: string;
}

/** Rows of another resource that point at the record and can be listed by it: a connection's sync runs. */
export interface ReferencingList {
  resource: string;
  /** The field of the other resource holding the record's ID, filtered with `eq`: `connectionId`. */
  target: string;
}

/** A list of objects that are no resource, shown as a table on the record's page: `SyncRun.errors`. */
export interface EmbeddedList {
  name: string;
  fields: ValueField[];
}

/**
 * A domain action (ARCHITECTURE.md §4: mutations named by verbs) on one record, taking nothing but its ID:
 * `replayInboundEvent(id: ID!): InboundEvent!`, or `sendTestWebhook(endpointId: ID!)` when the argument
 * names the record's type; such an argument may also answer with an object that is no resource
 * (`createWorkOrderFolder(workOrderId: ID!): WorkOrderFolder!`). The admin offers it as a button on the record (actions/).
 */
export interface ActionDescription {
  mutation: string;
  /** The argument that takes the record's ID: `id`, or `endpointId`. */
  argument: string;
  /** The resource the mutation returns: the record itself, or another (the delivery a test send made); none for `result`. */
  returns?: string;
  /** An answer that is no resource: `createWorkOrderFolder(workOrderId)` answers a `WorkOrderFolder`. */
  result?: ActionResult;
  /** Values the answer holds besides the record, shown only this once (a rotated secret). */
  shownOnce?: ShownOnce;
  /** What the action asks for besides the record, with the argument's GraphQL type: `correctMileage`'s `reading: Int!` and `reason`. */
  arguments?: ActionArgument[];
  description?: string;
}

export type ActionArgument = ValueField & { type: string };

/** What an action answered when it is no resource: its type and, if it has one, the field holding a URL to open. */
export interface ActionResult {
  type: string;
  /** A URL-like text field: `webViewLink`, `url`, `signingUrl`. */
  link?: string;
}

/**
 * A mutation's answer that wraps the record with values the API shows only this once:
 * `CreatedApiKey { apiKey key }`, `WebhookEndpointWithSecret { webhookEndpoint secret }`.
 */
export interface ShownOnce {
  /** The field holding the record: `webhookEndpoint`. */
  record: string;
  /** The other fields: `secret`. */
  values: string[];
}

export interface FormDescription {
  mutation: string;
  fields: ValueField[];
  /** A create whose answer wraps the new record with values shown only this once. */
  shownOnce?: ShownOnce;
}

/** A field of the `XFilter` input the list offers as a filter, and how a form value becomes a condition. */
export type FilterDescription =
  | { name: string; operator: 'search' }
  | { name: string; operator: 'contains' }
  | { name: string; operator: 'in'; choices: string[] }
  | { name: string; operator: 'eq'; reference: string };

/** One react-admin resource, read off the API conventions (ARCHITECTURE.md §4) for a type `X`. */
export interface ResourceDescription {
  /** The GraphQL type name, also the resource name: `Customer`. */
  name: string;
  /** `customer(id)` */
  oneQuery: string;
  /** `customers(filter, orderBy, first, offset)` */
  listQuery: string;
  /** Scalar and enum fields: `id`, the naming fields, the others, the timestamps. */
  fields: ValueField[];
  relatedLists: RelatedList[];
  embeddedLists: EmbeddedList[];
  /** Lists of other resources filtered by the record, where the record has no field listing them itself. */
  referencingLists: ReferencingList[];
  /** Fields the list can be ordered by, with both `FIELD_ASC` and `FIELD_DESC` in `XOrderBy`. */
  sortable: string[];
  /** Newest first: `createdAt`, or the first sortable timestamp (`receivedAt`). */
  defaultSort?: string;
  filters: FilterDescription[];
  /** `filter: { id: { in } }` exists, so many records load in one request. */
  filtersById: boolean;
  create?: FormDescription;
  update?: FormDescription;
  deleteOne?: string;
  deleteMany?: string;
  actions: ActionDescription[];
  /**
   * Fields that together name a record in titles, links and pickers, joined by " · "; a reference among them
   * (`vehicleId`) reads as the referenced record's name: "WO-000001 · 2019 Toyota Corolla".
   */
  representation: string[];
  /** The list's columns shown by default (a few); `optionalColumns` are offered behind "Columns". Never `id` nor a raw ID. */
  columns: string[];
  optionalColumns: string[];
  /** What the type is, from the schema: an empty list says it. */
  description?: string;
  /** The type answers which of its actions the record's status allows (`availableActions`): its lists offer no row actions. */
  hasStatusFlow: boolean;
}

export type ResourceCatalog = ReadonlyMap<string, ResourceDescription>;

/**
 * Settings of the organization: a query `xSettings: XSettings!` and a mutation `updateXSettings(input)`
 * answering the same type. The admin shows each as a page with a form of the input's fields.
 */
export interface SettingsDescription {
  /** The type, also naming the page: `AppointmentReminderSettings`. */
  name: string;
  /** `appointmentReminderSettings` */
  query: string;
  /** The type's scalar and enum fields, read by the query. */
  fields: ValueField[];
  /** The mutation and the fields of its `input`. */
  update: FormDescription;
  /** The type of `input`: `UpdateAppointmentReminderSettingsInput`. */
  inputType: string;
  description?: string;
}

const AUDIT_FIELDS = ['createdAt', 'updatedAt'];

function valueField(field: GraphQLField<unknown, unknown> | GraphQLInputField): ValueField | undefined {
  const type: GraphQLOutputType | GraphQLInputType = field.type;
  const required = isNonNullType(type);
  const list = isListType(required ? type.ofType : type);
  const named = getNamedType(type);
  const kind = isEnumType(named) ? 'enum' : isScalarType(named) ? (KIND_OF_SCALAR[named.name] ?? 'json') : undefined;
  if (!kind) return undefined;
  return {
    name: field.name,
    kind,
    choices: isEnumType(named) ? named.getValues().map((value) => value.name) : [],
    list,
    required,
    ...('defaultValue' in field && field.defaultValue !== undefined && { defaultValue: field.defaultValue }),
    description: field.description ?? undefined,
  };
}

const valueFieldsOf = (fields: readonly (GraphQLField<unknown, unknown> | GraphQLInputField)[]) =>
  fields.map(valueField).filter((field): field is ValueField => !!field);

/** `fooId: ID` with a sibling `foo: T` references T when T is a resource, and otherwise embeds `foo`'s naming fields. */
function linkOf(type: GraphQLObjectType, fieldName: string, resourceNames: Set<string>): Pick<ValueField, 'reference' | 'embedded'> {
  const sibling = fieldName.endsWith('Id') ? type.getFields()[fieldName.slice(0, -'Id'.length)] : undefined;
  const target = sibling && getNamedType(sibling.type);
  if (!sibling || !isObjectType(target)) return {};
  if (resourceNames.has(target.name)) return { reference: target.name };
  const representation = representationOf(valueFieldsOf(Object.values(target.getFields())));
  return representation.length ? { embedded: { name: sibling.name, representation } } : {};
}

type AnyField = GraphQLField<unknown, unknown>;

/** `[Vehicle!]!` or `[Vehicle]`, not `Vehicle!`. */
const returnsList = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

const hasArguments = (field: AnyField | undefined, ...names: string[]): field is AnyField =>
  !!field && names.every((name) => field.args.some((arg) => arg.name === name));

const returns = (field: AnyField | undefined, typeName: string): field is AnyField => !!field && getNamedType(field.type).name === typeName;

/** The fields of the mutation's `input` argument, with references and measures taken from the record type. */
function formOf(mutation: AnyField, referenceFor: (name: string) => string | undefined, measureFor: (name: string) => Measure | undefined = () => undefined): FormDescription | undefined {
  const inputType = getNamedType(mutation.args.find((arg) => arg.name === 'input')?.type);
  if (!isInputObjectType(inputType)) return undefined;
  const fields = valueFieldsOf(Object.values(inputType.getFields())).map((field) => {
    const measure = measureFor(field.name);
    return { ...field, reference: field.kind === 'id' ? referenceFor(field.name) : undefined, ...(measure && { measure }) };
  });
  return { mutation: mutation.name, fields };
}

const withShownOnce = (form: FormDescription | undefined, shownOnce: ShownOnce | undefined) => (form && shownOnce ? { ...form, shownOnce } : form);

function filtersOf(filterInput: GraphQLNamedType | undefined, fields: ValueField[]): FilterDescription[] {
  if (!isInputObjectType(filterInput)) return [];
  return Object.values(filterInput.getFields()).flatMap((filterField): FilterDescription[] => {
    const conditions = getNamedType(filterField.type);
    if (filterField.name === 'q' && isScalarType(conditions)) return [{ name: 'q', operator: 'search' }];
    if (!isInputObjectType(conditions)) return [];
    const operators = conditions.getFields();
    const field = fields.find((candidate) => candidate.name === filterField.name);
    const inType = operators.in && getNamedType(operators.in.type);
    if (operators.contains) return [{ name: filterField.name, operator: 'contains' }];
    if (isEnumType(inType)) return [{ name: filterField.name, operator: 'in', choices: inType.getValues().map((value) => value.name) }];
    if (operators.eq && field?.reference) return [{ name: filterField.name, operator: 'eq', reference: field.reference }];
    return [];
  });
}

/** Fields that name a record on their own, best first: a server-computed `displayName` ("2019 Toyota Corolla"), `name`, `title`. */
const NAMING_FIELDS = ['displayName', 'name', 'title'];

/** Codes people say for a record, but that mean little alone: "WO-000123". */
const CODE_FIELDS = ['number', 'code'];

/** Texts that are the plumbing, not words: `externalEventId`, `cursor`, a currency. */
const isTechnicalText = (field: ValueField, currencies: Set<string>) =>
  /Id$/.test(field.name) || ['cursor', 'currency'].includes(field.name) || currencies.has(field.name);

const isLinked = (field: ValueField) => !!(field.reference || field.embedded);

/** A field of the record's own that a name is made of (not a reference). */
const isOwnValue = (field: ValueField) => field.kind !== 'id' && !field.list;

/**
 * How a record is named (README, "The admin's generated screens"): its `displayName`, `name` or `title` alone;
 * else its code, first required text or first required time, then the name of its first reference ("WO-000001 ·
 * Toyota Corolla", "7 Dec 14:00 · Ada Lovelace"); else a required enum with an optional text ("Stripe · Acme")
 * or its creation time, so no record is named by an ID or a bare status. `named`: the resources a reference
 * can be named by.
 */
function representationOf(fields: ValueField[], named: (field: ValueField) => boolean = () => false): string[] {
  const single = fields.filter(isOwnValue);
  const own = NAMING_FIELDS.map((name) => single.find((field) => field.name === name)).find(Boolean);
  if (own) return [own.name];
  const currencies = new Set(fields.flatMap((field) => (field.measure?.kind === 'money' ? [field.measure.currencyField] : [])));
  const texts = single.filter((field) => field.kind === 'text' && !isTechnicalText(field, currencies));
  const first =
    CODE_FIELDS.map((name) => single.find((field) => field.name === name && field.kind === 'text')).find(Boolean) ??
    texts.find((field) => field.required) ??
    single.find((field) => field.required && field.kind === 'dateTime' && !AUDIT_FIELDS.includes(field.name));
  const reference = fields.find((field) => isLinked(field) && named(field));
  const parts = [first, reference].filter((field): field is ValueField => !!field).map((field) => field.name);
  if (parts.length) return parts;
  const choice = single.find((field) => field.required && field.kind === 'enum');
  const detail = texts[0] ?? fields.find((field) => field.name === 'createdAt');
  return choice ? [choice.name, ...(detail ? [detail.name] : [])] : detail ? [detail.name] : [];
}

/** At most this many default columns: more would not fit a laptop's window. Optional texts, external IDs, lists of texts and the last update stay behind "Columns". */
const DEFAULT_COLUMN_COUNT = 6;

/** `id` and IDs that point at nothing the admin can name are never columns: a UUID says nothing to a person. */
const isListable = (field: ValueField) => field.name !== 'id' && field.kind !== 'json' && (field.kind !== 'id' || isLinked(field));

/** A few columns that say what the row is: its name, its status, its references and required values in schema order, then `createdAt`. */
function columnsOf(fields: ValueField[], representation: string[], hint: ScreenHint | undefined): { columns: string[]; optionalColumns: string[] } {
  const listable = fields.filter(isListable);
  const names = listable.map((field) => field.name);
  const currencies = new Set(fields.flatMap((field) => (field.measure?.kind === 'money' ? [field.measure.currencyField] : [])));
  const worthShowing = (field: ValueField) =>
    !AUDIT_FIELDS.includes(field.name) &&
    field.name !== 'archivedAt' &&
    !currencies.has(field.name) &&
    !(field.kind === 'text' && /Id$/.test(field.name)) &&
    (isLinked(field) || (field.required && !(field.list && field.kind === 'text')));
  const chosen = hint?.columns?.filter((name) => names.includes(name)) ?? [
    ...new Set([
      ...representation.filter((name) => names.includes(name)),
      ...(names.includes('status') ? ['status'] : []),
      ...listable
        .filter(worthShowing)
        .map((field) => field.name)
        .slice(0, DEFAULT_COLUMN_COUNT),
    ]),
  ]
    .slice(0, DEFAULT_COLUMN_COUNT - 1)
    .concat(names.includes('createdAt') ? ['createdAt'] : []);
  return { columns: chosen, optionalColumns: names.filter((name) => !chosen.includes(name)) };
}

/** Newest first by default: `createdAt`, else the first sortable timestamp (`receivedAt`). */
function newestFirst(sortable: string[], fields: ValueField[]): string | undefined {
  if (sortable.includes('createdAt')) return 'createdAt';
  return sortable.find((name) => fields.some((field) => field.name === name && field.kind === 'dateTime'));
}

/** `id`, then the fields that name the record, the rest in schema order (the sort is stable), the timestamps last. */
function rank(fieldName: string, representation: string[]): number {
  if (fieldName === 'id') return -2;
  if (representation.includes(fieldName)) return -1;
  return AUDIT_FIELDS.includes(fieldName) ? 1 + AUDIT_FIELDS.indexOf(fieldName) : 0;
}

/** The resource a mutation answers with: the type itself, or the one resource in a wrapper of values shown once. */
function answerOf(mutation: AnyField, resourceNames: Set<string>): { resource: string; shownOnce?: ShownOnce } | undefined {
  const type = getNamedType(mutation.type);
  if (returnsList(mutation.type)) return undefined;
  if (resourceNames.has(type.name)) return { resource: type.name };
  if (!isObjectType(type)) return undefined;
  const fields = Object.values(type.getFields());
  const holders = fields.filter((field) => resourceNames.has(getNamedType(field.type).name) && !returnsList(field.type));
  const values = valueFieldsOf(fields.filter((field) => field.args.length === 0)).map((field) => field.name);
  const [holder, ...others] = holders;
  if (!holder || others.length || !values.length || holders.length + values.length !== fields.length) return undefined;
  return { resource: getNamedType(holder.type).name, shownOnce: { record: holder.name, values } };
}

/** `webViewLink`, `url`, `signingUrl`: a single text field whose name ends in URL or link. */
const isLink = (field: ValueField) => field.kind === 'text' && !field.list && /(^url|Url|^link|Link)$/.test(field.name);

/** Any object the mutation answers with (not a list): its type and a URL-like field to link to. */
function resultOf(mutation: AnyField): ActionResult | undefined {
  const type = getNamedType(mutation.type);
  if (returnsList(mutation.type) || !isObjectType(type)) return undefined;
  const link = valueFieldsOf(Object.values(type.getFields()).filter((field) => field.args.length === 0)).find(isLink);
  return { type: type.name, link: link?.name };
}

/** `deliveryId` points at a `WebhookDelivery`: the field names the type, or the end of its name. */
function pointsAt(fieldName: string, typeName: string): boolean {
  const named = /^(\w+)Id$/.exec(fieldName)?.[1];
  return !!named && typeName.endsWith(upperFirst(named));
}

/**
 * The type a mutation's name is about: the longest object type named in it. `removeWorkOrderLine(id)`
 * returns the WorkOrder but takes a line's ID; `sendEstimate(id)` names no type and is about what it returns.
 */
function typeNamedIn(mutationName: string, objectTypeNames: readonly string[]): string | undefined {
  return objectTypeNames.filter((name) => mutationName.includes(name)).sort((a, b) => b.length - a.length)[0];
}

/** `Connection` for `id` on a mutation returning a Connection; `WebhookEndpoint` for `endpointId` (the one resource named so). */
function subjectOf(mutationName: string, argument: string, returned: string, resourceNames: Set<string>, objectTypeNames: readonly string[]): string | undefined {
  if (argument === 'id') {
    const named = typeNamedIn(mutationName, objectTypeNames);
    return !named || named === returned ? returned : undefined;
  }
  const candidates = [...resourceNames].filter((name) => pointsAt(argument, name));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Mutations that take the ID of a record (and perhaps values to ask for), grouped by the record's resource. They return a record; or,
 * when the argument names the record (`workOrderId`), any object (`createWorkOrderFolder` answers a folder).
 */
function actionsByResource(mutations: Record<string, AnyField>, resourceNames: Set<string>, objectTypeNames: readonly string[]): Map<string, ActionDescription[]> {
  const actions = new Map<string, ActionDescription[]>();
  for (const mutation of Object.values(mutations)) {
    const [argument, ...others] = mutation.args;
    if (!argument) continue;
    if (!isNonNullType(argument.type) || getNamedType(argument.type).name !== 'ID') continue;
    // besides the record's ID, only values a person types or picks (`reading: Int!`, `reason: String!`)
    const asked = others.flatMap((other) => {
      const field = valueField(other);
      return field && field.kind !== 'id' && field.kind !== 'json' ? [{ ...field, type: String(other.type) }] : [];
    });
    if (asked.length !== others.length) continue;
    const answer = answerOf(mutation, resourceNames);
    // an `id` that may be another record's (`decideRecommendation(id, decision)` answers the inspection): the name must say whose
    if (asked.length && argument.name === 'id' && (!answer || typeNamedIn(mutation.name, objectTypeNames) !== answer.resource)) continue;
    const result = !answer && argument.name !== 'id' && !asked.length ? resultOf(mutation) : undefined;
    const subject = answer
      ? subjectOf(mutation.name, argument.name, answer.resource, resourceNames, objectTypeNames)
      : result && subjectOf(mutation.name, argument.name, result.type, resourceNames, objectTypeNames);
    if (!subject) continue;
    const action = {
      mutation: mutation.name,
      argument: argument.name,
      ...(answer ? { returns: answer.resource, shownOnce: answer.shownOnce } : { result }),
      ...(asked.length && { arguments: asked }),
      description: mutation.description ?? undefined,
    };
    actions.set(subject, [...(actions.get(subject) ?? []), action]);
  }
  return actions;
}

/**
 * Every type `X` with a list query returning `XConnection` and a query `x(id)` becomes a resource; its
 * forms, filters, orderings, deletes and domain actions come from the mutations and inputs that follow the
 * naming conventions, so a new entity in a subgraph shows up in the admin without admin code.
 */
export function describeResources(schema: GraphQLSchema): ResourceCatalog {
  const queries = schema.getQueryType()?.getFields() ?? {};
  const mutations = schema.getMutationType()?.getFields() ?? {};

  const listed = Object.values(queries).flatMap((listQuery) => {
    const connection = getNamedType(listQuery.type).name;
    const name = connection.replace(/Connection$/, '');
    const type = schema.getType(name);
    const oneQuery = queries[lowerFirst(name)];
    if (name === connection || !isObjectType(type) || !returns(oneQuery, name) || !hasArguments(oneQuery, 'id')) return [];
    return [{ type, listQuery, oneQuery }];
  });
  const resourceNames = new Set(listed.map(({ type }) => type.name));
  const objectTypeNames = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && !type.name.startsWith('__')).map((type) => type.name);
  const actions = actionsByResource(mutations, resourceNames, objectTypeNames);

  const recordFieldsOf = (type: GraphQLObjectType) => Object.values(type.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type)));
  const valuesOf = (type: GraphQLObjectType) => {
    const recordFields = recordFieldsOf(type);
    const recordFieldNames = recordFields.map((field) => field.name);
    return valueFieldsOf(recordFields).map((field): ValueField => {
      if (field.kind === 'id') return { ...field, ...linkOf(type, field.name, resourceNames) };
      const measure = measureOf(type.name, field, recordFieldNames);
      return measure ? { ...field, measure } : field;
    });
  };
  const valuesByResource = new Map(listed.map(({ type }) => [type.name, valuesOf(type)]));
  /** The own fields naming a resource's records, as a reference to it loads them: not times, which would read as the referring record's own. */
  const ownNameOf = (resource: string) => {
    const values = valuesByResource.get(resource) ?? [];
    const own = SCREEN_HINTS[resource]?.name ?? representationOf(values);
    return own.filter((name) => values.some((field) => field.name === name && isOwnValue(field) && field.kind !== 'dateTime'));
  };

  const resources = listed.map(({ type, listQuery, oneQuery }): Omit<ResourceDescription, 'referencingLists'> => {
    const name = type.name;
    const hint = SCREEN_HINTS[name];
    const referenceFor = (fieldName: string) => linkOf(type, fieldName, resourceNames).reference;
    const recordFields = recordFieldsOf(type);
    const linked = valuesByResource.get(name) ?? [];
    const representation = hint?.name ?? representationOf(linked, (field) => !!field.embedded || (!!field.reference && ownNameOf(field.reference).length > 0));
    // the reference that is part of the name is loaded with the record, so the name needs no request of its own
    const values = linked.map((field) => {
      const sibling = field.name.replace(/Id$/, '');
      return field.reference && !field.embedded && representation.includes(field.name)
        ? { ...field, embedded: { name: sibling, representation: ownNameOf(field.reference) } }
        : field;
    });
    const measureFor = (fieldName: string) => values.find((field) => field.name === fieldName)?.measure;
    const fields = [...values].sort((a, b) => rank(a.name, representation) - rank(b.name, representation));
    const relatedLists = recordFields.flatMap((field) => {
      const target = getNamedType(field.type).name;
      const isList = returnsList(field.type);
      return isList && resourceNames.has(target) ? [{ name: field.name, resource: target }] : [];
    });
    const embeddedLists = recordFields.flatMap((field) => {
      const target = getNamedType(field.type);
      const isList = returnsList(field.type);
      if (!isList || !isObjectType(target) || resourceNames.has(target.name)) return [];
      const columns = valueFieldsOf(Object.values(target.getFields()).filter((column) => column.args.length === 0)).filter(
        (column) => !['id', 'updatedAt'].includes(column.name) && !pointsAt(column.name, name),
      );
      return columns.length ? [{ name: field.name, fields: columns }] : [];
    });
    const filterInput = getNamedType(listQuery.args.find((arg) => arg.name === 'filter')?.type);
    const idConditions = isInputObjectType(filterInput) ? getNamedType(filterInput.getFields().id?.type) : undefined;
    const orderByType = getNamedType(listQuery.args.find((arg) => arg.name === 'orderBy')?.type);
    const orderings = new Set(isEnumType(orderByType) ? orderByType.getValues().map((value) => value.name) : []);
    const sortable = fields
      .filter((field) => orderings.has(`${constantCase(field.name)}_ASC`) && orderings.has(`${constantCase(field.name)}_DESC`))
      .map((field) => field.name);
    const create = mutations[`create${name}`];
    const created = create && answerOf(create, resourceNames);
    const update = mutations[`update${name}`];
    const deleteOne = mutations[`delete${name}`];
    const deleteMany = mutations[`delete${upperFirst(listQuery.name)}`];
    return {
      name,
      oneQuery: oneQuery.name,
      listQuery: listQuery.name,
      fields,
      relatedLists,
      embeddedLists,
      sortable,
      defaultSort: newestFirst(sortable, fields),
      filters: filtersOf(filterInput, fields),
      filtersById: isInputObjectType(idConditions) && !!idConditions.getFields().in,
      create: created?.resource === name ? withShownOnce(formOf(create, referenceFor, measureFor), created.shownOnce) : undefined,
      update: returns(update, name) && hasArguments(update, 'id') ? formOf(update, referenceFor, measureFor) : undefined,
      deleteOne: hasArguments(deleteOne, 'id') ? deleteOne.name : undefined,
      deleteMany: hasArguments(deleteMany, 'ids') ? deleteMany.name : undefined,
      actions: actions.get(name) ?? [],
      representation,
      ...columnsOf(fields, representation, hint),
      description: type.description ?? undefined,
      hasStatusFlow: 'availableActions' in type.getFields(),
    };
  });
  const described = resources.map((resource): ResourceDescription => ({
    ...resource,
    relatedLists: resource.relatedLists.map((related) => {
      const target = resources.find((other) => other.name === related.resource)?.create?.fields.find((field) => field.reference === resource.name);
      return target ? { ...related, target: target.name } : related;
    }),
    referencingLists: resources.flatMap((other) =>
      other.filters
        .filter((filter) => filter.operator === 'eq' && filter.reference === resource.name)
        .filter(() => !resource.relatedLists.some((related) => related.resource === other.name))
        .map((filter) => ({ resource: other.name, target: filter.name })),
    ),
  }));
  return new Map(described.map((resource) => [resource.name, resource]));
}

/** `xSettings: XSettings!` with `updateXSettings(input: …): XSettings!`: one settings page each, by the schema's order. */
export function describeSettings(schema: GraphQLSchema): SettingsDescription[] {
  const queries = schema.getQueryType()?.getFields() ?? {};
  const mutations = schema.getMutationType()?.getFields() ?? {};
  return Object.values(queries).flatMap((query): SettingsDescription[] => {
    const type = getNamedType(query.type);
    const update = mutations[`update${upperFirst(query.name)}`];
    if (!query.name.endsWith('Settings') || !isObjectType(type) || returnsList(query.type) || query.args.some((arg) => isNonNullType(arg.type))) return [];
    if (!returns(update, type.name) || returnsList(update.type) || update.args.length !== 1) return [];
    const form = formOf(update, () => undefined);
    const [input] = update.args;
    if (!form || input?.name !== 'input') return [];
    const fields = valueFieldsOf(Object.values(type.getFields()).filter((field) => field.args.length === 0));
    return [{ name: type.name, query: query.name, fields, update: form, inputType: getNamedType(input.type).name, description: type.description ?? undefined }];
  });
}
