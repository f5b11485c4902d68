import { Alert, Box, Button as MuiButton, Card, CardContent, Chip, Divider, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Loading, Title, useGetRecordId, useNotify } from 'react-admin';
import { AdminInspectionChangedDocument } from '../generated/operations.ts';
import { subscriptionPayload } from '../integrations/live-client.ts';
import { formatMoney } from '../money/money.ts';
import { ApiErrorAlert } from '../work-orders/api-error-alert.tsx';
import { useLiveQuery } from '../work-orders/use-live-query.ts';
import { ItemCard } from './item-card.tsx';
import { reasonSentence, STATUS_LABELS } from './inspection-presentation.ts';
import type { InspectionDetail } from './inspection-types.ts';
import { inspectionsApi } from './inspections-api.ts';
import { useApiCall } from './use-api-call.ts';

/** "Inspection of WO-000012 · 2019 Toyota Corolla · AB-123-CD", the name people know it by. */
export const inspectionTitle = (inspection: Pick<InspectionDetail, 'workOrder'>) =>
  [
    'Inspection of',
    inspection.workOrder?.number ?? 'a work order',
    inspection.workOrder?.vehicle?.displayName && `· ${inspection.workOrder.vehicle.displayName}`,
  ]
    .filter(Boolean)
    .join(' ');

/** The summary for the customer, saved when asked; what the API has comes in while it is not being edited. */
function SummaryNotes({ inspection, editable, onChanged }: { inspection: InspectionDetail; editable: boolean; onChanged: () => void }) {
  const stored = inspection.notes ?? '';
  const [draft, setDraft] = useState(stored);
  const [editing, setEditing] = useState(false);
  const { run, error, clearError } = useApiCall();
  useEffect(() => {
    if (!editing) setDraft(stored);
  }, [stored, editing]);
  if (!editable) return stored ? <Typography variant="body1">{stored}</Typography> : null;
  async function save() {
    if (await run(() => inspectionsApi.updateInspection({ id: inspection.id, input: { notes: draft.trim() || null } }))) {
      setEditing(false);
      onChanged();
    }
  }
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          label="Summary for the customer"
          multiline
          minRows={2}
          value={draft}
          onFocus={() => setEditing(true)}
          onChange={(event) => setDraft(event.target.value)}
          sx={{ flex: '1 1 320px' }}
        />
        {draft.trim() !== stored && (
          <MuiButton variant="outlined" sx={{ minHeight: 56 }} onClick={() => void save()}>
            Save summary
          </MuiButton>
        )}
      </Stack>
      <ApiErrorAlert error={error} title="The summary was not saved" onClose={clearError} />
    </Stack>
  );
}

/** A point the standard checklist lacks ("Tow bar"), added at its end. */
function AddItemForm({ inspectionId, onChanged }: { inspectionId: string; onChanged: () => void }) {
  const [name, setName] = useState('');
  const { run, running, error, clearError } = useApiCall();
  async function add(event: FormEvent) {
    event.preventDefault();
    if (await run(() => inspectionsApi.addItem(inspectionId, name.trim()))) {
      setName('');
      onChanged();
    }
  }
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack component="form" direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }} onSubmit={(event) => void add(event)}>
        <TextField size="small" label="Another item to check" value={name} onChange={(event) => setName(event.target.value)} sx={{ flex: '1 1 260px' }} />
        <MuiButton type="submit" disabled={running || !name.trim()}>
          Add item
        </MuiButton>
      </Stack>
      <ApiErrorAlert error={error} title="The item was not added" onClose={clearError} />
    </Stack>
  );
}

/**
 * Sending to the customer as the API's flow offers it (`availableActions`): while it is refused the
 * reasons show beside the button, every one, as `sendInspection` would answer them.
 */
function SendPanel({ inspection, onChanged }: { inspection: InspectionDetail; onChanged: () => void }) {
  const notify = useNotify();
  const { run, running, error, clearError } = useApiCall();
  const send = inspection.availableActions.find((available) => available.action === 'SEND' && available.next);
  if (!send) return null;
  async function sendIt() {
    if (await run(() => inspectionsApi.sendInspection(inspection.id))) {
      notify(`${inspectionTitle(inspection)} sent to the customer`, { type: 'success' });
      onChanged();
    }
  }
  return (
    <Stack sx={{ gap: 1 }}>
      <Box>
        <MuiButton variant="contained" size="large" sx={{ minHeight: 56 }} disabled={running || !send.allowed} onClick={() => void sendIt()}>
          Send to the customer
        </MuiButton>
      </Box>
      {!send.allowed && send.reasons.length > 0 && (
        <Alert severity="info" role="status" aria-label="Why it cannot be sent yet">
          Not ready to send:
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {send.reasons.map((reason) => (
              <li key={`${reason.field}-${reason.message}`}>{reasonSentence(reason.field, reason.message)}</li>
            ))}
          </ul>
        </Alert>
      )}
      <ApiErrorAlert error={error} title="The inspection was not sent" onClose={clearError} />
    </Stack>
  );
}

function Header({ inspection }: { inspection: InspectionDetail }) {
  const status = STATUS_LABELS[inspection.status];
  const pending = inspection.items.filter((item) => item.decision === 'PENDING');
  const approved = inspection.items.filter((item) => item.decision === 'APPROVED').reduce((sum, item) => sum + item.recommendedTotal, 0);
  const currency = inspection.workOrder?.currency;
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {inspectionTitle(inspection)}
        </Typography>
        <Chip label={status.label} color={status.colour} data-testid="inspection-status" />
      </Stack>
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap' }}>
        {inspection.workOrder && (
          <MuiLink component={Link} to={`/WorkOrder/${inspection.workOrder.id}/show`}>
            Back to work order {inspection.workOrder.number}
          </MuiLink>
        )}
        {inspection.workOrder?.customer && <Typography variant="body2">Customer: {inspection.workOrder.customer.name}</Typography>}
        {inspection.technician && <Typography variant="body2">Inspected by {inspection.technician.name}</Typography>}
        {inspection.sentAt && <Typography variant="body2">Sent {new Date(inspection.sentAt).toLocaleString()}</Typography>}
      </Stack>
      {inspection.status !== 'IN_PROGRESS' && (
        <Typography variant="body2">
          {pending.length ? `${pending.length} repair${pending.length === 1 ? '' : 's'} awaiting the customer's answer. ` : ''}
          {currency && `Approved so far: ${formatMoney(approved, currency)} before tax (on the work order).`}
        </Typography>
      )}
    </Stack>
  );
}

/**
 * The inspection screen (the Inspection resource's show page): the checklist rated item by item with notes,
 * photos and recommended repairs, sending it to the customer, and their answer to each repair. Re-queried
 * on every `inspectionChanged` of this inspection, so a technician's tablet and the advisor's desk agree.
 */
export function InspectionScreen({ live }: { live: Client }) {
  const id = String(useGetRecordId());
  const load = useCallback(() => inspectionsApi.getInspection(id), [id]);
  const { data: inspection, error, reload } = useLiveQuery(live, [subscriptionPayload(AdminInspectionChangedDocument, { id })], load);
  const [decidedBy, setDecidedBy] = useState('');
  const changed = () => void reload();

  if (error && !inspection)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {error.message}
      </Alert>
    );
  if (inspection === undefined) return <Loading />;
  if (inspection === null)
    return (
      <Alert severity="warning" sx={{ mt: 2 }}>
        This inspection does not exist or was deleted.
      </Alert>
    );
  const editable = inspection.status === 'IN_PROGRESS';
  const currency = inspection.workOrder?.currency ?? 'EUR';
  const awaiting = inspection.items.some((item) => item.decision === 'PENDING');
  const rated = inspection.items.filter((item) => item.condition).length;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={inspectionTitle(inspection)} />
      <CardContent>
        <Stack sx={{ gap: 3 }} divider={<Divider flexItem />}>
          <Header inspection={inspection} />
          <SummaryNotes inspection={inspection} editable={editable} onChanged={changed} />
          <Stack sx={{ gap: 2 }} component="section" aria-label="Checklist">
            <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                Checklist
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {rated} of {inspection.items.length} rated
              </Typography>
            </Stack>
            {awaiting && (
              <TextField
                label="Answered by"
                helperText='Who gave the answers and how, e.g. "Grace Hopper by phone"'
                value={decidedBy}
                onChange={(event) => setDecidedBy(event.target.value)}
                sx={{ maxWidth: 420 }}
              />
            )}
            {inspection.items.length === 0 && (
              <Typography variant="body2" color="text.secondary">
                This inspection has no checklist items.
              </Typography>
            )}
            {inspection.items.map((item) => (
              <ItemCard key={item.id} item={item} currency={currency} editable={editable} decidedBy={decidedBy} onChanged={changed} />
            ))}
            {editable && <AddItemForm inspectionId={inspection.id} onChanged={changed} />}
          </Stack>
          <SendPanel inspection={inspection} onChanged={changed} />
        </Stack>
      </CardContent>
    </Card>
  );
}
