import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import frenchMessages from 'ra-language-french';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ResourceCatalog, SettingsDescription, ValueField } from '../schema/resources.ts';
import { englishAppMessages, frenchAppMessages, swahiliAppMessages, type AppMessages } from './app-messages.ts';
import { swahiliMessages } from './ra-language-swahili.ts';
import { frenchSchemaWords, swahiliSchemaWords, type SchemaWords } from './schema-words.ts';

interface Language {
  locale: string;
  /** The language's name in itself, for the switcher. */
  name: string;
  ra: TranslationMessages;
  app: AppMessages;
  /** Names of types and fields; English reads the schema's own, humanised. */
  words: SchemaWords;
}

export const LANGUAGES: readonly Language[] = [
  { locale: 'en', name: 'English', ra: englishMessages, app: englishAppMessages, words: { types: {}, fields: {} } },
  { locale: 'sw', name: 'Kiswahili', ra: swahiliMessages, app: swahiliAppMessages, words: swahiliSchemaWords },
  { locale: 'fr', name: 'Français', ra: frenchMessages, app: frenchAppMessages, words: frenchSchemaWords },
];

/** `ownerId` that links to a customer reads "Owner"; other fields read as their name. */
const fieldKey = (field: Pick<ValueField, 'name' | 'reference' | 'embedded'>) =>
  field.reference || field.embedded ? field.name.replace(/Id$/, '') : field.name;

/** Polyglot's `%{x}`, filled at build time for what react-admin's notices do not pass (the resource's name). */
const fill = (template: string, values: Record<string, string>) => template.replace(/%\{(name|names)\}/g, (_, key: string) => values[key] ?? '');

function schemaMessages(language: Language, catalog: ResourceCatalog, settings: readonly SettingsDescription[]) {
  const { types, fields: fieldWords } = language.words;
  const label = (type: string, key: string) => fieldWords[`${type}.${key}`] ?? fieldWords[key] ?? humanise(key);
  const resources = Object.fromEntries(
    [...catalog.values()].map((resource) => {
      const [singular, plural, gender] = types[resource.name] ?? [humanise(resource.name), humanise(resource.listQuery)];
      const notices = gender === 'f' ? language.app.notifications.feminine : language.app.notifications;
      const names = { name: singular, names: plural.toLowerCase() };
      const fields = [
        ...resource.fields,
        ...[resource.create, resource.update].flatMap((form) => form?.fields ?? []),
        ...resource.actions.flatMap((action) => action.arguments ?? []),
      ].map(fieldKey);
      return [
        resource.name,
        {
          name: `${singular} |||| ${plural}`,
          fields: Object.fromEntries([
            ...resource.relatedLists.map((related) => [related.name, label(resource.name, related.name)]),
            ...fields.map((key) => [key, label(resource.name, key)]),
            ...resource.fields.filter((field) => fieldKey(field) !== field.name).map((field) => [field.name, label(resource.name, fieldKey(field))]),
          ]),
          notifications: { created: fill(notices.created, names), updated: fill(notices.updated, names), deleted: fill(notices.deleted, names) },
        },
      ];
    }),
  );
  const settingsLabels = Object.fromEntries(
    settings.map((each) => {
      const name = types[each.name]?.[0];
      const fields = [...each.fields, ...each.update.fields].map(fieldKey);
      return [each.name, { ...(name && { name }), fields: Object.fromEntries(fields.map((key) => [key, label(each.name, key)])) }];
    }),
  );
  return { ...settingsLabels, ...resources };
}

/**
 * react-admin's messages in each language, plus Atelier's (app-messages.ts) and names for every resource and
 * field of the schema, so the views need no labels of their own (`resources.Customer.fields.createdAt` →
 * "Created at", "Imeundwa", "Créé le"); settings pages read theirs under the settings' type name. The
 * person's choice is kept by react-admin's store (localStorage); the first visit takes the browser's language.
 */
export function createI18nProvider(catalog: ResourceCatalog, settings: readonly SettingsDescription[] = []): I18nProvider {
  const cache = new Map<string, TranslationMessages>();
  const messagesOf = (locale: string): TranslationMessages => {
    const language = LANGUAGES.find((candidate) => candidate.locale === locale) ?? LANGUAGES[0]!;
    const cached = cache.get(language.locale);
    if (cached) return cached;
    const messages = {
      ...language.ra,
      ra: { ...language.ra.ra, auth: { ...language.ra.ra.auth, username: language.app.accounts.email } },
      resources: schemaMessages(language, catalog, settings),
      atelier: language.app,
    } as TranslationMessages;
    cache.set(language.locale, messages);
    return messages;
  };
  // the browser's language ("sw-TZ" reads Swahili) when it is one of ours
  const browser = globalThis.navigator?.language.split('-')[0];
  const initial = LANGUAGES.find((language) => language.locale === browser)?.locale ?? 'en';
  return polyglotI18nProvider(
    messagesOf,
    initial,
    LANGUAGES.map(({ locale, name }) => ({ locale, name })),
    { allowMissing: true },
  );
}
