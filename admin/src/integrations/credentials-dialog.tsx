import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, Form, HttpError, PasswordInput, SaveButton, TextInput, required, useDataProvider, useNotify } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ConnectionSummary, IntegrationsDataProvider, ProviderSummary } from './integrations-data-provider.ts';

const requiredValue = required();

/**
 * The API's errors split for the form: `credentials.secretKey` goes under that input; the provider refusing
 * the credentials as a whole (`credentials`), or any other failure, is shown above the inputs.
 */
function splitErrors(error: unknown, provider: ProviderSummary): { fields: Record<string, unknown>; general?: string } {
  const fieldNames = new Set(provider.credentialFields.map((field) => field.name));
  const apiFields = error instanceof HttpError ? ((error.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {}) : {};
  const fields = Object.fromEntries(
    Object.entries(apiFields).flatMap(([path, message]) => {
      const name = path.replace(/^credentials\./, '');
      return fieldNames.has(name) && typeof message === 'string' ? [[name, message]] : [];
    }),
  );
  if (typeof apiFields.credentials === 'string') return { fields, general: apiFields.credentials };
  return Object.keys(fields).length ? { fields } : { fields, general: error instanceof Error ? error.message : String(error) };
}

interface CredentialsDialogProps {
  provider: ProviderSummary;
  open: boolean;
  onClose: () => void;
  onConnected: (connection: ConnectionSummary) => void;
}

/** A form generated from the provider's credential fields (secrets as password inputs), checked by the provider on save. */
export function CredentialsDialog({ provider, open, onClose, onConnected }: CredentialsDialogProps) {
  const dataProvider = useDataProvider<IntegrationsDataProvider>();
  const notify = useNotify();
  const name = humanise(provider.provider);
  const [generalError, setGeneralError] = useState<string>();

  const close = () => {
    setGeneralError(undefined);
    onClose();
  };

  async function save(values: Record<string, unknown>) {
    setGeneralError(undefined);
    try {
      const credentials = provider.credentialFields.map((field) => ({ name: field.name, value: String(values[field.name] ?? '') }));
      const connection = await dataProvider.saveCredentials({ provider: provider.provider, credentials });
      notify(`${name} is connected${connection.accountName ? ` to ${connection.accountName}` : ''}`, { type: 'success' });
      onConnected(connection);
    } catch (error) {
      const { fields, general } = splitErrors(error, provider);
      setGeneralError(general);
      return fields;
    }
  }

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby={`connect-${provider.provider}`}>
      <DialogTitle id={`connect-${provider.provider}`}>Connect {name}</DialogTitle>
      <Form onSubmit={save}>
        <DialogContent>
          {generalError && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {generalError}
            </Alert>
          )}
          {provider.credentialFields.map((field) => {
            const props = { source: field.name, label: field.label, validate: requiredValue, fullWidth: true, autoComplete: 'off' };
            return field.secret ? <PasswordInput key={field.name} {...props} /> : <TextInput key={field.name} {...props} />;
          })}
        </DialogContent>
        <DialogActions>
          <Button label="Cancel" onClick={close} />
          <SaveButton label="Connect" />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
