import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, Form, SaveButton } from 'react-admin';
import { formErrorsOf } from '../api/errors.ts';
import { inputElement } from '../resources/inputs.tsx';
import type { ActionDescription } from '../schema/resources.ts';

/** An action asks for no IDs besides the record's (schema/resources.ts), so its inputs pick no records. */
const NO_REFERENCES = new Map();

interface ActionArgumentsDialogProps {
  action: ActionDescription;
  title: string;
  label: string;
  destructive: boolean;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}

/**
 * Asks for what an action takes besides the record (`correctMileage`'s reading and reason), each field with
 * the schema's description as help; the API's refusal shows under the field it names, and the dialog stays.
 */
export function ActionArgumentsDialog({ action, title, label, destructive, onSubmit, onClose }: ActionArgumentsDialogProps) {
  const [generalError, setGeneralError] = useState<string>();
  const fields = action.arguments ?? [];

  async function submit(values: Record<string, unknown>) {
    setGeneralError(undefined);
    try {
      await onSubmit(Object.fromEntries(fields.map((field) => [field.name, values[field.name] ?? null])));
    } catch (error) {
      const { fields: errors, general } = formErrorsOf(
        error,
        fields.map((field) => field.name),
      );
      setGeneralError(general);
      return errors;
    }
  }

  return (
    // clicks stay in the dialog: opened from a list row, they would open the row's record (React events cross portals)
    <Dialog open fullWidth maxWidth="sm" onClose={onClose} aria-labelledby="action-arguments-title" onClick={(event) => event.stopPropagation()}>
      <DialogTitle id="action-arguments-title">{title}</DialogTitle>
      <Form onSubmit={submit}>
        <DialogContent>
          {action.description && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {action.description}
            </Alert>
          )}
          {generalError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {generalError}
            </Alert>
          )}
          {fields.map((field) => inputElement(field, field.required, NO_REFERENCES))}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={label} icon={<></>} color={destructive ? 'error' : 'primary'} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
