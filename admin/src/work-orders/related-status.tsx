import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { humanise } from '../schema/labels.ts';

/** Columns that say nothing to the person reading the work order. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'workOrderId', 'organizationId']);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function cellOf(value: unknown) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `${value.length}`;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value).toLocaleString();
  if (typeof value === 'string' && /^[A-Z_]+$/.test(value)) return <Chip size="small" label={humanise(value)} />;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return '';
  return String(value);
}

/**
 * A work order's signature requests or inspections, a column for each field the screen's query
 * (work-orders.graphql) asks for: status, signer, sent and completed times, items (counted).
 */
export function RelatedStatus({ title, rows }: { title: string; rows: Record<string, unknown>[] }) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter(
    (name) => !HIDDEN.has(name) && !rows.every((row) => row[name] !== null && typeof row[name] === 'object' && !Array.isArray(row[name])),
  );
  return (
    <Stack sx={{ gap: 1 }} component="section" aria-label={title}>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None yet
        </Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              {columns.map((name) => (
                <TableCell key={name}>{humanise(name)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={String(row.id ?? index)}>
                {columns.map((name) => (
                  <TableCell key={name}>{cellOf(row[name])}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
