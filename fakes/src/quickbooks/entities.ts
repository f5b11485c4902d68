import { businessValidation, duplicateName, invalidReference, objectNotFound, QboFault, requiredParameter, unsupportedProperty } from './errors.ts';

export const ENTITY_NAMES = ['Account', 'Customer', 'Item', 'Invoice'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];
export type QboObject = Record<string, unknown> & { Id: string; SyncToken: string };

/** What an entity's rules may look up while validating a write. */
export interface EntityContext {
  currency: string;
  /** The company's today, YYYY-MM-DD. */
  today: string;
  find(entity: EntityName, id: string): QboObject | undefined;
  /** Whether another object of `entity` already carries this name (case-insensitive). */
  nameTaken(entity: EntityName, field: string, name: string, exceptId?: string): boolean;
  nextDocNumber(): string;
}

export interface EntityRules {
  /** Name-list entities are made inactive instead of deleted; queries show only active ones unless asked. */
  nameList: boolean;
  /** Transactions can be deleted (`?operation=delete`) and, for invoices, voided. */
  transaction: boolean;
  /** Validates a create or an update (the merged object for sparse ones) and fills what QuickBooks derives. */
  complete(input: Record<string, unknown>, context: EntityContext, previous?: QboObject): Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const refValue = (value: unknown) => text((value as { value?: unknown } | undefined)?.value);
const round = (amount: number) => Math.round(amount * 100) / 100;

function reference(context: EntityContext, entity: EntityName, field: string, input: Record<string, unknown>, nameField = 'Name') {
  const id = refValue(input[field]);
  if (!id) throw requiredParameter(field);
  const target = context.find(entity, id);
  if (!target) throw invalidReference(entity === 'Customer' ? 'Names' : entity, id);
  if (target.Active === false) throw objectNotFound();
  return { value: id, name: target[nameField] };
}

const customer: EntityRules = {
  nameList: true,
  transaction: false,
  complete(input, context, previous) {
    const personName = [input.Title, input.GivenName, input.MiddleName, input.FamilyName, input.Suffix].map(text).filter(Boolean).join(' ');
    const displayName = text(input.DisplayName) ?? (text(personName) || text(input.CompanyName));
    if (!displayName) throw requiredParameter('DisplayName');
    if (context.nameTaken('Customer', 'DisplayName', displayName, previous?.Id)) throw duplicateName('customer');
    return {
      Taxable: false,
      Job: false,
      BillWithParent: false,
      Balance: 0,
      BalanceWithJobs: 0,
      PreferredDeliveryMethod: 'Print',
      Active: true,
      ...input,
      DisplayName: displayName,
      FullyQualifiedName: displayName,
      PrintOnCheckName: text(input.PrintOnCheckName) ?? displayName,
      CurrencyRef: { value: context.currency },
    };
  },
};

const ITEM_ACCOUNTS: Record<string, string[]> = {
  Service: ['IncomeAccountRef'],
  NonInventory: ['IncomeAccountRef'],
  Inventory: ['IncomeAccountRef', 'ExpenseAccountRef', 'AssetAccountRef'],
};

const item: EntityRules = {
  nameList: true,
  transaction: false,
  complete(input, context, previous) {
    const name = text(input.Name);
    if (!name) throw requiredParameter('Name');
    if (context.nameTaken('Item', 'Name', name, previous?.Id)) throw duplicateName('product or service');
    const type = text(input.Type) ?? 'Service';
    const accounts = ITEM_ACCOUNTS[type];
    if (!accounts) throw unsupportedProperty(`Property Name:Type specified is unsupported or invalid: ${type}`);
    if (type === 'Inventory') {
      if (input.TrackQtyOnHand !== true) throw requiredParameter('TrackQtyOnHand');
      if (typeof input.QtyOnHand !== 'number') throw requiredParameter('QtyOnHand');
      if (!text(input.InvStartDate)) throw requiredParameter('InvStartDate');
    }
    const refs = Object.fromEntries(accounts.map((field) => [field, reference(context, 'Account', field, input)]));
    return { UnitPrice: 0, Taxable: false, Active: true, TrackQtyOnHand: false, ...input, ...refs, Name: name, FullyQualifiedName: name, Type: type };
  },
};

const invoice: EntityRules = {
  nameList: false,
  transaction: true,
  complete(input, context, previous) {
    const customerRef = reference(context, 'Customer', 'CustomerRef', input, 'DisplayName');
    const lines = (Array.isArray(input.Line) ? (input.Line as Record<string, unknown>[]) : []).filter((line) => line.DetailType !== 'SubTotalLineDetail');
    if (!lines.some((line) => line.DetailType === 'SalesItemLineDetail')) throw businessValidation('You must fill out at least one split line.');
    let total = 0;
    const completed = lines.map((line, index) => {
      const numbered = { Id: String(index + 1), LineNum: index + 1, ...line };
      if (line.DetailType === 'DescriptionOnly') return numbered;
      if (line.DetailType !== 'SalesItemLineDetail')
        throw unsupportedProperty(`Property Name:DetailType specified is unsupported or invalid: ${String(line.DetailType)}`);
      const detail = (line.SalesItemLineDetail ?? {}) as Record<string, unknown>;
      const amount = Number(line.Amount);
      if (line.Amount === undefined || !Number.isFinite(amount)) throw requiredParameter('Amount');
      if (detail.Qty !== undefined && detail.UnitPrice !== undefined && Math.abs(Number(detail.Qty) * Number(detail.UnitPrice) - amount) >= 0.005)
        throw new QboFault('6070', 'Amount is not equal to UnitPrice * Qty', `Amount is not equal to UnitPrice * Qty. Supplied value:${amount}`);
      total += amount;
      return { ...numbered, Amount: amount, SalesItemLineDetail: { ...detail, ItemRef: reference(context, 'Item', 'ItemRef', detail) } };
    });
    const totalAmt = round(total);
    // What was paid on the invoice stays paid when the app edits it.
    const paid = previous ? Number(previous.TotalAmt) - Number(previous.Balance) : 0;
    const txnDate = text(input.TxnDate) ?? context.today;
    return {
      DueDate: txnDate,
      EmailStatus: 'NotSet',
      PrintStatus: 'NotSet',
      ApplyTaxAfterDiscount: false,
      LinkedTxn: [],
      TxnTaxDetail: { TotalTax: 0 },
      ...input,
      TxnDate: txnDate,
      DocNumber: text(input.DocNumber) ?? (previous?.DocNumber as string | undefined) ?? context.nextDocNumber(),
      CustomerRef: customerRef,
      Line: [...completed, { Amount: totalAmt, DetailType: 'SubTotalLineDetail', SubTotalLineDetail: {} }],
      TotalAmt: totalAmt,
      Balance: round(totalAmt - paid),
      CurrencyRef: { value: context.currency },
    };
  },
};

/** Accounts come seeded with the company; this fake does not write them. */
const account: EntityRules = {
  nameList: true,
  transaction: false,
  complete() {
    throw new QboFault('500', 'Unsupported Operation', 'Operation Create/Update is not supported for Account in this fake.');
  },
};

export const ENTITIES: Record<EntityName, EntityRules> = { Account: account, Customer: customer, Item: item, Invoice: invoice };

/** The entity a path or a query names (`invoice`, `Invoice`), if this fake knows it. */
export const entityNamed = (name: string): EntityName | undefined => ENTITY_NAMES.find((entity) => entity.toLowerCase() === name.toLowerCase());

/** The chart of accounts a new sandbox company starts with, as far as items need it. */
export const SEED_ACCOUNTS = [
  { Name: 'Services', AccountType: 'Income', AccountSubType: 'ServiceFeeIncome', Classification: 'Revenue' },
  { Name: 'Sales of Product Income', AccountType: 'Income', AccountSubType: 'SalesOfProductIncome', Classification: 'Revenue' },
  { Name: 'Inventory Asset', AccountType: 'Other Current Asset', AccountSubType: 'Inventory', Classification: 'Asset' },
  { Name: 'Cost of Goods Sold', AccountType: 'Cost of Goods Sold', AccountSubType: 'SuppliesMaterialsCogs', Classification: 'Expense' },
  { Name: 'Accounts Receivable (A/R)', AccountType: 'Accounts Receivable', AccountSubType: 'AccountsReceivable', Classification: 'Asset' },
];
