import { Box, Button as MuiButton, Chip, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { AdminInspectionChangedDocument, AdminWorkOrderChangedDocument } from '../generated/operations.ts';
import { subscriptionPayload } from '../integrations/live-client.ts';
import { formatMoney } from '../money/money.ts';
import { ApiErrorAlert } from '../work-orders/api-error-alert.tsx';
import { useLiveQuery } from '../work-orders/use-live-query.ts';
import { conditionOf, DECISION_LABELS, STATUS_LABELS } from './inspection-presentation.ts';
import type { InspectionItemRow, InspectionSummary } from './inspection-types.ts';
import { inspectionsApi } from './inspections-api.ts';
import { useApiCall } from './use-api-call.ts';

/** Any change to the organization's inspections (a new one has no ID to ask for yet); the section re-queries only this work order's. */
const INSPECTION_CHANGED = subscriptionPayload(AdminInspectionChangedDocument, {});

/** A closed work order gets no new inspection (createInspection refuses it). */
const CLOSED = new Set(['COMPLETED', 'CANCELLED']);

/** "Good", "Urgent — Pads at 2 mm" : the rating and what the technician wrote. */
function ItemRow({ item, currency }: { item: InspectionItemRow; currency: string }) {
  const condition = conditionOf(item.condition);
  const decision = item.decision && DECISION_LABELS[item.decision];
  return (
    <TableRow>
      <TableCell>{item.name}</TableCell>
      <TableCell>
        <Chip size="small" label={condition?.label ?? 'Not rated'} color={condition?.colour ?? 'default'} variant={condition ? 'filled' : 'outlined'} />
      </TableCell>
      <TableCell>
        {item.notes}
        {item.photos.length > 0 && (
          <Typography variant="caption" color="text.secondary" component="div">
            {item.photos.length} photo{item.photos.length === 1 ? '' : 's'}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {item.recommendation.map((line, index) => (
          <div key={`${line.description}-${index}`}>
            {line.description} · {formatMoney(line.total, currency)}
          </div>
        ))}
      </TableCell>
      <TableCell>{decision && <Chip size="small" label={decision.label} color={decision.colour} />}</TableCell>
    </TableRow>
  );
}

function InspectionBlock({ inspection, currency }: { inspection: InspectionSummary; currency: string }) {
  const status = STATUS_LABELS[inspection.status];
  // the rated items and those with a repair; the rest of the checklist waits on the inspection screen
  const shown = inspection.items.filter((item) => item.condition || item.recommendation.length);
  const rated = inspection.items.filter((item) => item.condition).length;
  return (
    <Stack sx={{ gap: 1 }} component="article" aria-label={`Inspection started ${new Date(inspection.createdAt).toLocaleString()}`}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip label={status.label} color={status.colour} />
        <Typography variant="body2" color="text.secondary">
          Started {new Date(inspection.createdAt).toLocaleString()}
          {inspection.technician && ` by ${inspection.technician.name}`} · {rated} of {inspection.items.length} items rated
        </Typography>
        <Box sx={{ flex: 1 }} />
        <MuiLink component={Link} to={`/Inspection/${inspection.id}/show`}>
          {inspection.status === 'IN_PROGRESS' ? 'Continue inspection' : 'Open inspection'}
        </MuiLink>
      </Stack>
      {inspection.notes && <Typography variant="body2">{inspection.notes}</Typography>}
      {shown.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Inspection items">
            <TableHead>
              <TableRow>
                <TableCell>Item</TableCell>
                <TableCell>Condition</TableCell>
                <TableCell>Notes</TableCell>
                <TableCell>Recommended</TableCell>
                <TableCell>Customer's answer</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((item) => (
                <ItemRow key={item.id} item={item} currency={currency} />
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}

/**
 * The work order's inspections on its screen: each one's ratings, notes, recommended repairs and the
 * customer's answers, a link to its inspection screen, and "Start inspection". Live over
 * `inspectionChanged` and this work order's `workOrderChanged`.
 */
export function WorkOrderInspections({ workOrderId, live }: { workOrderId: string; live: Client }) {
  const navigate = useNavigate();
  const load = useCallback(() => inspectionsApi.getWorkOrderInspections(workOrderId), [workOrderId]);
  const { data: workOrder, error: loadError } = useLiveQuery(
    live,
    [INSPECTION_CHANGED, subscriptionPayload(AdminWorkOrderChangedDocument, { id: workOrderId })],
    load,
  );
  const { run, running, error, clearError } = useApiCall();

  async function start() {
    let id = '';
    if (await run(async () => (id = await inspectionsApi.startInspection(workOrderId)))) void navigate(`/Inspection/${id}/show`);
  }

  return (
    <Stack sx={{ gap: 2 }} component="section" aria-label="Inspections">
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          Inspections
        </Typography>
        {workOrder && !CLOSED.has(workOrder.status) && (
          <MuiButton variant="outlined" disabled={running} onClick={() => void start()}>
            Start inspection
          </MuiButton>
        )}
      </Stack>
      <ApiErrorAlert error={error ?? loadError} title={error ? 'The inspection was not started' : 'The inspections could not be loaded'} onClose={clearError} />
      {workOrder && workOrder.inspections.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No inspection yet. Start one to rate the vehicle's checklist and recommend repairs to the customer.
        </Typography>
      )}
      {workOrder?.inspections.map((inspection) => (
        <InspectionBlock key={inspection.id} inspection={inspection} currency={workOrder.currency} />
      ))}
    </Stack>
  );
}
