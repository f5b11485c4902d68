import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Tooltip } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { ApiErrorAlert, sentenceOf } from './api-error-alert.tsx';
import { fixableInDialog, verbOf, type Verb } from './work-order-flow.ts';
import type { AvailableActionRow } from './work-order-types.ts';
import type { WorkOrdersDataProvider } from './work-orders-data-provider.ts';

interface Subject {
  id: string;
  number: string;
  availableActions: AvailableActionRow[];
}

/** The API's reasons as the refusal alert words them: "Odometer out is required…". */
const sentencesOf = (available: AvailableActionRow) => available.reasons.map((reason) => sentenceOf(reason.field, reason.message));

/** The verb's arguments as the API takes them: numbers as numbers, blanks left out. */
function argumentsOf(verb: Verb, values: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    verb.arguments.flatMap((argument) => {
      const value = values[argument.name]?.trim();
      if (!value) return [];
      return [[argument.name, argument.type === 'Int' ? Number(value) : value]];
    }),
  );
}

/** Asks for a verb's arguments (odometer out, the reason to cancel) and shows the API's refusal in place. */
function VerbDialog({
  subject,
  verb,
  blockers,
  onClose,
  onDone,
}: {
  subject: Subject;
  verb: Verb;
  blockers: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const dataProvider = useDataProvider<WorkOrdersDataProvider>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRunning(true);
    setError(undefined);
    try {
      await dataProvider.runWorkOrderVerb({ verb, id: subject.id, values: argumentsOf(verb, values) });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  }

  return (
    // clicks stay in the dialog: React events cross portals into the card that opened it
    <Dialog open fullWidth maxWidth="xs" onClose={onClose} aria-labelledby="verb-dialog-title" onClick={(event) => event.stopPropagation()}>
      <form onSubmit={(event) => void submit(event)}>
        <DialogTitle id="verb-dialog-title">
          {verb.label} {subject.number}
        </DialogTitle>
        <DialogContent>
          <Stack sx={{ gap: 2, pt: 1 }}>
            {blockers.length > 0 && (
              <Alert severity="info" role="status">
                {blockers.map((text) => (
                  <div key={text}>{text}</div>
                ))}
              </Alert>
            )}
            {verb.arguments.map((argument) => (
              <TextField
                key={argument.name}
                label={argument.label}
                helperText={argument.helperText}
                required={argument.required}
                type={argument.type === 'Int' ? 'number' : 'text'}
                value={values[argument.name] ?? ''}
                onChange={(event) => setValues((current) => ({ ...current, [argument.name]: event.target.value }))}
                autoFocus={argument === verb.arguments[0]}
              />
            ))}
            <ApiErrorAlert error={error} title={`${subject.number} was not changed`} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>Back</MuiButton>
          <MuiButton type="submit" variant="contained" color={verb.destructive ? 'error' : 'primary'} disabled={running}>
            {verb.label}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * The actions the API offers a work order next (send the estimate, approve, start, mark ready, complete,
 * cancel): those without arguments run at once, the others ask first; one the API blocks is disabled with
 * its reasons, unless its dialog asks for what is missing; refusals show with their reasons.
 */
export function WorkOrderActions({ subject, onDone, size = 'medium' }: { subject: Subject; onDone: () => void; size?: 'small' | 'medium' }) {
  const dataProvider = useDataProvider<WorkOrdersDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [asking, setAsking] = useState<{ verb: Verb; blockers: string[] }>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  const done = (verb: Verb) => {
    setAsking(undefined);
    setError(undefined);
    // "WO-000003 started"
    const record = subject.number;
    notify(translate(`atelier.workOrderDone.${verb.action}`, { record, _: translate('atelier.notifications.done', { record, action: verb.label }) }), {
      type: 'success',
    });
    onDone();
  };

  async function run(verb: Verb, blockers: string[]) {
    if (verb.arguments.length) {
      setAsking({ verb, blockers });
      return;
    }
    setRunning(true);
    setError(undefined);
    try {
      await dataProvider.runWorkOrderVerb({ verb, id: subject.id, values: {} });
      done(verb);
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  }

  const next = subject.availableActions.filter((available) => available.next);
  if (!next.length) return null;
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {next.map((available) => {
          const verb = verbOf(available);
          const blockers = sentencesOf(available);
          const blocked = !available.allowed && !fixableInDialog(verb, available);
          const button = (
            <MuiButton
              size={size}
              variant={verb.destructive ? 'text' : 'contained'}
              color={verb.destructive ? 'error' : 'primary'}
              disabled={running || blocked}
              aria-label={`${verb.label} ${subject.number}`}
              onClick={(event) => {
                event.stopPropagation(); // on a card: not a click that opens the work order
                void run(verb, blockers);
              }}
            >
              {verb.label}
            </MuiButton>
          );
          if (!blockers.length) return <span key={available.action}>{button}</span>;
          return (
            <Tooltip
              key={available.action}
              title={
                <>
                  {blockers.map((text) => (
                    <div key={text}>{text}</div>
                  ))}
                </>
              }
            >
              {/* a disabled button gets no pointer events: the tooltip listens on its wrapper */}
              <span data-testid={`blocked-${available.action}`}>{button}</span>
            </Tooltip>
          );
        })}
      </Stack>
      <ApiErrorAlert error={error} title={`${subject.number} was not changed`} onClose={() => setError(undefined)} />
      {asking && (
        <VerbDialog subject={subject} verb={asking.verb} blockers={asking.blockers} onClose={() => setAsking(undefined)} onDone={() => done(asking.verb)} />
      )}
    </Stack>
  );
}
