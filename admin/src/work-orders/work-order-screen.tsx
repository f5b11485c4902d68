import { Alert, Box, Button as MuiButton, Card, CardContent, Chip, Divider, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading, Title, useDataProvider, useGetRecordId } from 'react-admin';
import { DomainActionButton } from '../actions/domain-action-button.tsx';
import { AdminWorkOrderChangedDocument } from '../generated/operations.ts';
import { subscriptionPayload } from '../integrations/live-client.ts';
import { apiResources } from '../schema/api-schema.ts';
import { humanise } from '../schema/labels.ts';
import { LinesTable } from './lines-table.tsx';
import { WorkOrderInspections } from '../inspections/work-order-inspections.tsx';
import { RelatedStatus } from './related-status.tsx';
import { useLiveQuery } from './use-live-query.ts';
import { WorkOrderActions } from './work-order-actions.tsx';
import { vehicleName, type WorkOrderDetail } from './work-order-types.ts';
import type { WorkOrdersDataProvider } from './work-orders-data-provider.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Box>
  );
}

const workOrderResource = apiResources.get('WorkOrder');

/**
 * The work order's verbs beyond its status flow (`availableActions` are WorkOrderActions), as the API
 * offers them (send the estimate for e-signature, ...), with the generated action buttons (inspections
 * start from their own section).
 */
function MoreActions({ workOrder, onDone }: { workOrder: WorkOrderDetail; onDone: () => void }) {
  const statusVerbs = new Set(workOrder.availableActions.map((available) => available.mutation));
  const actions = workOrderResource?.actions.filter((action) => !statusVerbs.has(action.mutation)) ?? [];
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
      {workOrderResource &&
        actions.map((action) => <DomainActionButton key={action.mutation} resource={workOrderResource} action={action} record={workOrder} onDone={onDone} />)}
    </Stack>
  );
}

function Header({ workOrder, onChanged }: { workOrder: WorkOrderDetail; onChanged: () => void }) {
  const at = (value: string | null | undefined) => (value ? new Date(value).toLocaleString() : null);
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {workOrder.number}
        </Typography>
        <Chip label={humanise(workOrder.status)} color={workOrder.status === 'CANCELLED' ? 'default' : 'primary'} data-testid="work-order-status" />
        <Box sx={{ flex: 1 }} />
        <MuiButton component={Link} to={`/WorkOrder/${workOrder.id}`}>
          Edit details
        </MuiButton>
      </Stack>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
        <Fact label="Customer">
          <MuiLink component={Link} to={`/Customer/${workOrder.customerId}/show`}>
            {workOrder.customer?.name ?? 'Customer not found'}
          </MuiLink>
        </Fact>
        <Fact label="Vehicle">
          {workOrder.vehicle && (
            <MuiLink component={Link} to={`/Vehicle/${workOrder.vehicleId}/show`}>
              {vehicleName(workOrder.vehicle)}
            </MuiLink>
          )}
        </Fact>
        <Fact label="Promised">{at(workOrder.promisedAt)}</Fact>
        <Fact label="Odometer in">{workOrder.odometerIn}</Fact>
        <Fact label="Odometer out">{workOrder.odometerOut}</Fact>
        <Fact label="Approved by">{workOrder.approvedBy}</Fact>
      </Box>
      <Fact label="Complaint">{workOrder.complaint}</Fact>
      <Fact label="Notes">{workOrder.notes}</Fact>
      {workOrder.cancellationReason && <Alert severity="info">Cancelled: {workOrder.cancellationReason}</Alert>}
      <WorkOrderActions subject={workOrder} onDone={onChanged} />
      <MoreActions workOrder={workOrder} onDone={onChanged} />
    </Stack>
  );
}

/**
 * The work-order screen (the WorkOrder resource's show page): header with the status verbs, the lines
 * with add/change/remove and the server's totals, and the signature and inspection status. Re-queried on
 * every `workOrderChanged` of this work order; details are edited on the generated edit form.
 */
export function WorkOrderScreen({ live }: { live: Client }) {
  const id = String(useGetRecordId());
  const dataProvider = useDataProvider<WorkOrdersDataProvider>();
  const load = useCallback(() => dataProvider.getWorkOrder(id), [dataProvider, id]);
  const { data: workOrder, error, reload } = useLiveQuery(live, [subscriptionPayload(AdminWorkOrderChangedDocument, { id })], load);
  const changed = () => void reload();

  if (error && !workOrder)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {error.message}
      </Alert>
    );
  if (workOrder === undefined) return <Loading />;
  if (workOrder === null)
    return (
      <Alert severity="warning" sx={{ mt: 2 }}>
        This work order does not exist or was deleted.
      </Alert>
    );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={`Work order ${workOrder.number}`} />
      <CardContent>
        <Stack sx={{ gap: 3 }} divider={<Divider flexItem />}>
          <Header workOrder={workOrder} onChanged={changed} />
          <LinesTable workOrder={workOrder} onChanged={changed} />
          <RelatedStatus title="Signatures" rows={workOrder.signatureRequests} />
          <WorkOrderInspections workOrderId={workOrder.id} live={live} />
        </Stack>
      </CardContent>
    </Card>
  );
}
