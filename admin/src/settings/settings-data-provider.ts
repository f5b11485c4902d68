import type { ApolloClient } from '@apollo/client';
import { parse, type DocumentNode } from 'graphql';
import type { DataProvider } from 'react-admin';
import { apiRequests } from '../actions/api-request.ts';
import { upperFirst } from '../schema/labels.ts';
import type { SettingsDescription } from '../schema/resources.ts';

export type SettingsValues = Record<string, unknown>;

/** The data provider with the settings pages' calls, so their failures go through react-admin (401 signs out, field errors). */
export interface SettingsDataProvider extends DataProvider {
  /** The settings of the organization, by the settings' type name (`AppointmentReminderSettings`). */
  getSettings(name: string): Promise<SettingsValues>;
  /** Changes the fields given (the update inputs are patches) and answers the settings as they are now. */
  updateSettings(name: string, input: SettingsValues): Promise<SettingsValues>;
}

interface SettingsDocuments {
  read: DocumentNode;
  update: DocumentNode;
}

/** `query AdminAppointmentReminderSettings { appointmentReminderSettings { enabled … } }` and its update mutation. */
function documentsOf(settings: SettingsDescription): SettingsDocuments {
  const selection = `{ ${settings.fields.map((field) => field.name).join(' ')} }`;
  const { mutation } = settings.update;
  return {
    read: parse(`query Admin${settings.name} { ${settings.query} ${selection} }`),
    update: parse(`mutation Admin${upperFirst(mutation)}($input: ${settings.inputType}!) { ${mutation}(input: $input) ${selection} }`),
  };
}

export function withSettings<T extends DataProvider>(
  dataProvider: T,
  client: ApolloClient<unknown>,
  settings: readonly SettingsDescription[],
): T & SettingsDataProvider {
  const api = apiRequests(client);
  const known = new Map(settings.map((each) => [each.name, { settings: each, documents: documentsOf(each) }]));
  const find = (name: string) => {
    const found = known.get(name);
    if (!found) throw new Error(`${name} are no settings of the API`);
    return found;
  };
  return {
    ...dataProvider,
    async getSettings(name) {
      const { settings: each, documents } = find(name);
      return (await api.query<Record<string, SettingsValues>>(documents.read, {}))[each.query] ?? {};
    },
    async updateSettings(name, input) {
      const { settings: each, documents } = find(name);
      return (await api.mutate<Record<string, SettingsValues>>(documents.update, { input }))[each.update.mutation] ?? {};
    },
  };
}
