import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError, Loading, ResourceContextProvider, SaveButton, SimpleForm, Title, Toolbar, useDataProvider, useNotify, type RaRecord } from 'react-admin';
import { FORM_WIDTH } from '../resources/forms.tsx';
import { inputElement } from '../resources/inputs.tsx';
import type { ResourceCatalog, SettingsDescription } from '../schema/resources.ts';
import type { SettingsDataProvider, SettingsValues } from './settings-data-provider.ts';
import { settingsLabel } from './settings-paths.ts';

/** The fields the person changed: the update inputs are patches, so untouched settings are left as they are. */
function changesOf(values: SettingsValues, saved: SettingsValues, settings: SettingsDescription): SettingsValues {
  return Object.fromEntries(
    settings.update.fields
      .filter((field) => field.name in values && JSON.stringify(values[field.name] ?? null) !== JSON.stringify(saved[field.name] ?? null))
      .map((field) => [field.name, values[field.name] ?? null]),
  );
}

/**
 * A settings page: the form of the `updateXSettings` input, filled with `xSettings`. A field is required
 * when the settings' field is non-null (clearing it would be refused); the API's field errors show under
 * their inputs, as on the generated edit forms.
 */
export function SettingsPage({ settings, catalog }: { settings: SettingsDescription; catalog: ResourceCatalog }) {
  const dataProvider = useDataProvider<SettingsDataProvider>();
  const notify = useNotify();
  const [saved, setSaved] = useState<SettingsValues>();
  const [error, setError] = useState<Error>();
  // the form starts over from what the API answered after each save
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setSaved(undefined);
    setError(undefined);
    dataProvider.getSettings(settings.name).then(
      (values) => current && setSaved(values),
      (failure: unknown) => current && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, settings.name]);

  async function save(values: SettingsValues) {
    if (!saved) return undefined;
    try {
      setSaved(await dataProvider.updateSettings(settings.name, changesOf(values, saved, settings)));
      setVersion((previous) => previous + 1);
      notify(`${settingsLabel(settings)} settings saved`, { type: 'success' });
      return undefined;
    } catch (failure) {
      const fieldErrors = failure instanceof HttpError ? (failure.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
      if (fieldErrors) return fieldErrors; // shown under the inputs; react-admin says the form is invalid
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
      return undefined;
    }
  }

  const requiredOnSettings = new Set(settings.fields.filter((field) => field.required && !field.list).map((field) => field.name));
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`${settingsLabel(settings)} settings`} />
      <CardContent>
        {settings.description && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {settings.description}
          </Typography>
        )}
        {error && <Alert severity="error">{error.message}</Alert>}
        {!error && !saved && <Loading />}
        {saved && (
          // the settings' type names the inputs' labels (i18n-provider.ts), as a resource does
          <ResourceContextProvider value={settings.name}>
            <SimpleForm
              key={version}
              record={saved as RaRecord}
              onSubmit={save}
              sx={FORM_WIDTH}
              toolbar={
                <Toolbar>
                  <SaveButton />
                </Toolbar>
              }
            >
              {settings.update.fields.map((field) => inputElement(field, requiredOnSettings.has(field.name), catalog))}
            </SimpleForm>
          </ResourceContextProvider>
        )}
      </CardContent>
    </Card>
  );
}
