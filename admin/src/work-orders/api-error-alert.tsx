import { Alert, AlertTitle } from '@mui/material';
import { HttpError } from 'react-admin';
import { humanise } from '../schema/labels.ts';

/** `lines.0.technicianId` → "Line 1", `odometerOut` → "Odometer out" (paths are relative to the argument). */
function labelOf(field: string): string {
  const line = /^lines\.(\d+)\./.exec(field);
  if (line) return `Line ${Number(line[1]) + 1}`;
  return humanise(field.split('.').join(' '));
}

/** "Odometer out is required…", "Line 1: labour "Brakes" needs a technician". */
export const sentenceOf = (field: string, message: string) =>
  /^(is|must|needs|cannot) /.test(message) ? `${labelOf(field)} ${message}` : `${labelOf(field)}: ${message}`;

/** The API's field messages of a BAD_USER_INPUT (toHttpError puts them in `body.errors`, next to `root`). */
export function fieldMessagesOf(error: unknown): string[] {
  if (!(error instanceof HttpError)) return [];
  const errors = (error.body as { errors?: Record<string, unknown> } | undefined)?.errors ?? {};
  return Object.entries(errors).flatMap(([field, message]) => (field !== 'root' && typeof message === 'string' ? [sentenceOf(field, message)] : []));
}

/** A failed call: its message, and every field message the API gave, so the person can fix them all at once. */
export function ApiErrorAlert({ error, title, onClose }: { error: unknown; title?: string; onClose?: () => void }) {
  if (!error) return null;
  const messages = fieldMessagesOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert severity="error" onClose={onClose} role="alert">
      {title && <AlertTitle>{title}</AlertTitle>}
      {messages.length ? (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {messages.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : (
        message
      )}
    </Alert>
  );
}
