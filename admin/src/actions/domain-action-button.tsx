import PlayIcon from '@mui/icons-material/PlayCircleOutlineOutlined';
import StopIcon from '@mui/icons-material/Block';
import { Alert, Link, Stack } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import type { ActionDescription, ResourceDescription } from '../schema/resources.ts';
import { representationOf } from '../resources/presentation.ts';
import { ActionArgumentsDialog } from './action-arguments-dialog.tsx';
import { actionLabel, doneNotice, isDestructive } from './action-labels.ts';
import type { DomainActionsDataProvider } from './domain-actions-data-provider.ts';
import { ShownOnceDialog } from './shown-once-dialog.tsx';
import type { ShownOnceValues } from './shown-once-store.ts';

interface DomainActionProps {
  resource: ResourceDescription;
  action: ActionDescription;
  /** The record to act on; the record of the page or row by default. */
  record?: RaRecord;
  /** Called after the action succeeded (react-admin's own queries are refreshed anyway). */
  onDone?: () => void;
}

/** The success notice of an action whose answer links somewhere (a Drive folder), opened in a new tab. */
function DoneWithLink({ text, href, name }: { text: string; href: string; name: string }) {
  return (
    <Alert severity="success" variant="filled" sx={{ alignItems: 'center' }}>
      {text}{' '}
      <Link href={href} target="_blank" rel="noopener noreferrer" color="inherit" underline="always">
        Open {name}
      </Link>
    </Alert>
  );
}

/**
 * A button running a domain action on a record, after a dialog asking for its arguments (the mileage's reading and
 * the reason to correct it) or a confirmation for destructive verbs. Success and
 * failure are notified; the page's data is refreshed, and when the action made another record (a test
 * send makes a delivery) that record opens; an answer that is no record but has a URL (a Drive folder)
 * is linked from the notice. Values the API shows only once (a rotated secret) stay in a
 * dialog until the person has them.
 */
export function DomainActionButton({ resource, action, record: given, onDone }: DomainActionProps) {
  const contextRecord = useRecordContext();
  const record = given ?? contextRecord;
  const dataProvider = useDataProvider<DomainActionsDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [shownOnce, setShownOnce] = useState<ShownOnceValues>();
  const [asking, setAsking] = useState(false);
  if (!record) return null;

  const label = actionLabel(action, resource.name);
  const destructive = isDestructive(action);

  /** Runs the action and says so; a refusal is thrown to the caller. */
  async function execute(values?: Record<string, unknown>) {
    if (!record) return;
    const { data, shownOnce: once, link } = await dataProvider.runDomainAction(resource.name, { action: action.mutation, id: record.id, values });
    const done = doneNotice(translate, action, resource.name, representationOf(resource)(record));
    // a link to follow stays a while longer than the usual notice
    notify(link ? <DoneWithLink text={done} href={link} name={humanise(action.result?.type ?? '').toLowerCase()} /> : done, {
      type: 'success',
      ...(link && { autoHideDuration: 15_000 }),
    });
    setShownOnce(once);
    setAsking(false);
    if (action.returns && action.returns !== resource.name && data) redirect('show', action.returns, data.id);
    else refresh();
    onDone?.();
  }

  async function run() {
    setRunning(true);
    try {
      await execute();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setRunning(false);
      setConfirming(false);
    }
  }

  const onClick = (event: MouseEvent) => {
    event.stopPropagation(); // in a list row, not a click on the row
    if (action.arguments?.length) setAsking(true);
    else if (destructive) setConfirming(true);
    else void run();
  };

  return (
    <>
      <Button label={label} title={action.description} onClick={onClick} disabled={running} color={destructive ? 'error' : 'primary'}>
        {destructive ? <StopIcon /> : <PlayIcon />}
      </Button>
      {asking && (
        <ActionArgumentsDialog
          action={action}
          title={`${label}: ${representationOf(resource)(record)}`}
          label={label}
          destructive={destructive}
          onSubmit={execute}
          onClose={() => setAsking(false)}
        />
      )}
      {destructive && !action.arguments?.length && (
        <Confirm
          isOpen={confirming}
          loading={running}
          title={`${label} ${representationOf(resource)(record)}?`}
          content={action.description ?? `${humanise(action.mutation)} cannot be undone.`}
          confirm={label}
          confirmColor="warning"
          onConfirm={() => void run()}
          onClose={() => setConfirming(false)}
        />
      )}
      {action.shownOnce && <ShownOnceDialog title={humanise(action.mutation)} values={shownOnce} onClose={() => setShownOnce(undefined)} />}
    </>
  );
}

/** Every domain action of the resource, for a show page's toolbar or a list row. `label` names the list column. */
export function DomainActionButtons({ resource, record, onDone }: { resource: ResourceDescription; record?: RaRecord; onDone?: () => void; label?: string }) {
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {resource.actions.map((action) => (
        <DomainActionButton key={action.mutation} resource={resource} action={action} record={record} onDone={onDone} />
      ))}
    </Stack>
  );
}
