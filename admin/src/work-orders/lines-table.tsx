import { Button as MuiButton, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import { humanise } from '../schema/labels.ts';
import { ApiErrorAlert } from './api-error-alert.tsx';
import { LineDialog } from './line-dialog.tsx';
import { formatMoney } from '../money/money.ts';
import type { WorkOrderDetail, WorkOrderLineRow } from './work-order-types.ts';
import type { WorkOrdersDataProvider } from './work-orders-data-provider.ts';

/** The amounts under the lines, as the server computed them (tax rounded once on the taxable sum). */
const TOTALS = [
  ['Labour', 'labourTotal'],
  ['Parts', 'partsTotal'],
  ['Fees', 'feesTotal'],
  ['Subtotal', 'subtotal'],
  ['Tax', 'taxTotal'],
  ['Total', 'total'],
] as const;

const AMOUNT = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** The work order's lines with add, change and remove, and its totals; lines are fixed once it is completed or cancelled. */
export function LinesTable({ workOrder, onChanged }: { workOrder: WorkOrderDetail; onChanged: () => void }) {
  const dataProvider = useDataProvider<WorkOrdersDataProvider>();
  const [editing, setEditing] = useState<WorkOrderLineRow | 'new'>();
  const [error, setError] = useState<unknown>();
  const editable = workOrder.status !== 'COMPLETED' && workOrder.status !== 'CANCELLED';
  const money = (minor: number | null | undefined) => formatMoney(minor, workOrder.currency);

  async function remove(line: WorkOrderLineRow) {
    setError(undefined);
    try {
      await dataProvider.removeWorkOrderLine(line.id);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          Lines
        </Typography>
        {editable && (
          <MuiButton variant="outlined" onClick={() => setEditing('new')}>
            Add line
          </MuiButton>
        )}
      </Stack>
      <ApiErrorAlert error={error} onClose={() => setError(undefined)} />
      <Table size="small" aria-label="Lines">
        <TableHead>
          <TableRow>
            <TableCell>Kind</TableCell>
            <TableCell>Description</TableCell>
            <TableCell>Part number</TableCell>
            <TableCell>Technician</TableCell>
            <TableCell sx={AMOUNT}>Quantity</TableCell>
            <TableCell sx={AMOUNT}>Unit price</TableCell>
            <TableCell sx={AMOUNT}>Total</TableCell>
            <TableCell>Taxable</TableCell>
            {editable && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {workOrder.lines.length === 0 && (
            <TableRow>
              <TableCell colSpan={9}>No lines yet</TableCell>
            </TableRow>
          )}
          {workOrder.lines.map((line) => (
            <TableRow key={line.id}>
              <TableCell>{humanise(line.kind)}</TableCell>
              <TableCell>{line.description}</TableCell>
              <TableCell>{line.partNumber}</TableCell>
              <TableCell>
                {line.technician?.name ??
                  (line.kind === 'LABOUR' ? (
                    <Typography variant="body2" color="warning.main">
                      unassigned
                    </Typography>
                  ) : null)}
              </TableCell>
              <TableCell sx={AMOUNT}>{line.quantity}</TableCell>
              <TableCell sx={AMOUNT}>
                {line.unitPrice === null || line.unitPrice === undefined ? (
                  <Typography variant="body2" color="warning.main">
                    not priced
                  </Typography>
                ) : (
                  money(line.unitPrice)
                )}
              </TableCell>
              <TableCell sx={AMOUNT}>{money(line.total)}</TableCell>
              <TableCell>{line.taxable ? 'Yes' : 'No'}</TableCell>
              {editable && (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <MuiButton size="small" aria-label={`Change ${line.description}`} onClick={() => setEditing(line)}>
                    Change
                  </MuiButton>
                  <MuiButton size="small" color="error" aria-label={`Remove ${line.description}`} onClick={() => void remove(line)}>
                    Remove
                  </MuiButton>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          {TOTALS.map(([label, field]) => (
            <TableRow key={field} data-testid={`total-${field}`}>
              <TableCell colSpan={6} sx={{ ...AMOUNT, borderBottom: 'none' }}>
                {label === 'Tax' ? `Tax (${workOrder.taxRate}%)` : label}
              </TableCell>
              <TableCell sx={{ ...AMOUNT, borderBottom: 'none', fontWeight: field === 'total' ? 700 : undefined }}>{money(workOrder[field])}</TableCell>
              <TableCell colSpan={editable ? 2 : 1} sx={{ borderBottom: 'none' }} />
            </TableRow>
          ))}
        </TableFooter>
      </Table>
      {editing && (
        <LineDialog
          workOrderId={workOrder.id}
          currency={workOrder.currency}
          line={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
