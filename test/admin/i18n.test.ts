import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import { describe, expect, it } from 'vitest';
import { englishAppMessages, frenchAppMessages, swahiliAppMessages } from '../../admin/src/i18n/app-messages.ts';
import { createI18nProvider } from '../../admin/src/i18n/i18n-provider.ts';
import { swahiliMessages } from '../../admin/src/i18n/ra-language-swahili.ts';
import { frenchSchemaWords, swahiliSchemaWords } from '../../admin/src/i18n/schema-words.ts';
import { apiResources, apiSettings } from '../../admin/src/schema/api-schema.ts';
import { describeResources } from '../../admin/src/schema/resources.ts';
import { buildSchema } from 'graphql';

/** `ra.action.add`, … : the paths of every message of a nested dictionary. */
function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keysOf(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the languages of the admin', () => {
  it("has every one of react-admin's English messages in Swahili and French, and no others", () => {
    const english = keysOf(englishMessages).sort();
    expect(keysOf(swahiliMessages).sort()).toEqual(english);
    expect(keysOf(frenchMessages).filter((key) => english.includes(key))).toHaveLength(english.length);
  });

  it("has every one of Atelier's own messages in Swahili and French", () => {
    const english = keysOf(englishAppMessages).sort();
    expect(keysOf(swahiliAppMessages).sort()).toEqual(english);
    expect(keysOf(frenchAppMessages).sort()).toEqual(english);
  });

  it("names the schema's types and fields in each language, a field without a translation in humanised English", async () => {
    const schema = buildSchema(`
      type Query { customer(id: ID!): Customer  customers: CustomerConnection!  invoice(id: ID!): Invoice  invoices: InvoiceConnection! }
      type Mutation { createCustomer(input: CreateCustomerInput!): Customer!  createInvoice(input: CreateCustomerInput!): Invoice! }
      input CreateCustomerInput { name: String! }
      type CustomerConnection { nodes: [Customer!]! }
      type InvoiceConnection { nodes: [Invoice!]! }
      type Customer { id: ID! name: String! loyaltyTier: String createdAt: String! }
      type Invoice { id: ID! name: String! }
    `);
    const i18n = createI18nProvider(describeResources(schema));
    const say = () => [
      i18n.translate('resources.Customer.name', { smart_count: 2 }),
      i18n.translate('resources.Customer.fields.name'),
      i18n.translate('resources.Customer.fields.loyaltyTier'),
      i18n.translate('resources.Customer.notifications.created'),
      i18n.translate('resources.Invoice.notifications.created'),
    ];
    await i18n.changeLocale('en');
    expect(say()).toEqual(['Customers', 'Name', 'Loyalty tier', 'Customer created', 'Invoice created']);
    await i18n.changeLocale('sw');
    expect(say()).toEqual(['Wateja', 'Jina', 'Loyalty tier', 'Umeunda Mteja', 'Umeunda Ankara']);
    await i18n.changeLocale('fr');
    // French agrees with the name's gender
    expect(say()).toEqual(['Clients', 'Nom', 'Loyalty tier', 'Client créé', 'Facture créée']);
  });

  it('has a Swahili and a French name for every resource and field of the API', () => {
    const fieldKey = (field: { name: string; reference?: string; embedded?: unknown }) =>
      field.reference || field.embedded ? field.name.replace(/Id$/, '') : field.name;
    const resources = [...apiResources.values()];
    const types = [...resources.map((resource) => resource.name), ...apiSettings.map((settings) => settings.name)];
    const fields = new Set(
      [
        ...resources.flatMap((resource) => [
          ...resource.fields,
          ...(resource.create?.fields ?? []),
          ...(resource.update?.fields ?? []),
          ...resource.actions.flatMap((action) => action.arguments ?? []),
        ]),
        ...apiSettings.flatMap((settings) => [...settings.fields, ...settings.update.fields]),
      ].map(fieldKey),
    );
    for (const words of [swahiliSchemaWords, frenchSchemaWords]) {
      expect(types.filter((type) => !words.types[type])).toEqual([]);
      expect([...fields].filter((field) => !words.fields[field])).toEqual([]);
    }
  });
});
