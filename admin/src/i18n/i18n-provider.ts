import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider } from 'react-admin';
import { accountMessages } from '../accounts/account-messages.ts';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog, SettingsDescription, ValueField } from '../schema/resources.ts';

/** `ownerId` that links to a customer reads "Owner"; other fields read as their humanised name. */
const fieldLabel = (field: ValueField) => humanise(field.reference || field.embedded ? field.name.replace(/Id$/, '') : field.name);

/**
 * react-admin's English messages plus names for every resource and field of the schema, so the views
 * need no labels of their own (`resources.Customer.fields.createdAt` → "Created at"); settings pages read
 * theirs under the settings' type name (`resources.AppointmentReminderSettings.fields.smsFrom` → "SMS from");
 * the account pages' words are under `atelier.accounts`.
 */
export function createI18nProvider(catalog: ResourceCatalog, settings: readonly SettingsDescription[] = []): I18nProvider {
  const resources = Object.fromEntries(
    [...catalog.values()].map((resource) => [
      resource.name,
      {
        name: `${humanise(resource.name)} |||| ${humanise(resource.listQuery)}`,
        fields: Object.fromEntries([
          ...resource.fields.map((field) => [field.name, fieldLabel(field)]),
          ...resource.relatedLists.map((related) => [related.name, humanise(related.name)]),
          ...[resource.create, resource.update].flatMap((form) => form?.fields ?? []).map((field) => [field.name, fieldLabel(field)]),
        ]),
      },
    ]),
  );
  const settingsLabels = Object.fromEntries(
    settings.map((each) => [
      each.name,
      { fields: Object.fromEntries([...each.fields, ...each.update.fields].map((field) => [field.name, fieldLabel(field)])) },
    ]),
  );
  const messages = {
    ...englishMessages,
    ra: { ...englishMessages.ra, auth: { ...englishMessages.ra.auth, username: 'Email' } },
    resources: { ...settingsLabels, ...resources },
    atelier: { accounts: accountMessages },
  };
  return polyglotI18nProvider(() => messages, 'en', [{ name: 'en', value: 'English' }], { allowMissing: true });
}
