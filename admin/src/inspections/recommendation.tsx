import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button as MuiButton, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { formatMoney, formatQuantity, minorDigitsOf, parseDecimalAmount } from '../money/money.ts';
import { LINE_KINDS } from './inspection-presentation.ts';
import type { RecommendedLineRow, WorkOrderLineKind } from './inspection-types.ts';

export interface NewRecommendedLine {
  kind: WorkOrderLineKind;
  description: string;
  quantity: number;
  unitPrice: number;
}

/** "1.5" or "1,5" hours; null when it is no positive number. */
function quantityOf(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() && Number.isFinite(value) && value > 0 ? value : null;
}

/** A line typed by hand: what it is, how many, and its price typed as a decimal in the work order's currency ("19.90"). */
function AddLineForm({ itemName, currency, onAdd }: { itemName: string; currency: string; onAdd: (line: NewRecommendedLine) => Promise<boolean> }) {
  const [kind, setKind] = useState<WorkOrderLineKind>('PART');
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [problems, setProblems] = useState<{ quantity?: string; price?: string }>({});
  const digits = minorDigitsOf(currency);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsedPrice = parseDecimalAmount(price, currency);
    const parsedQuantity = quantityOf(quantity);
    const found = {
      price: parsedPrice.ok ? undefined : parsedPrice.message,
      quantity: parsedQuantity === null ? 'Type a number above 0, like 1 or 1.5' : undefined,
    };
    setProblems(found);
    if (!parsedPrice.ok || parsedQuantity === null) return;
    if (await onAdd({ kind, description: description.trim(), quantity: parsedQuantity, unitPrice: parsedPrice.minor })) {
      setDescription('');
      setQuantity('1');
      setPrice('');
    }
  }

  return (
    <Stack
      component="form"
      direction="row"
      aria-label={`Recommend a repair for ${itemName}`}
      sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}
      onSubmit={(event) => void submit(event)}
    >
      <TextField select size="small" label="Kind" value={kind} onChange={(event) => setKind(event.target.value as WorkOrderLineKind)} sx={{ width: 120 }}>
        {LINE_KINDS.map((entry) => (
          <MenuItem key={entry.value} value={entry.value}>
            {entry.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" label="Repair" required value={description} onChange={(event) => setDescription(event.target.value)} sx={{ flex: '2 1 220px' }} />
      <TextField
        size="small"
        label={kind === 'LABOUR' ? 'Hours' : 'Quantity'}
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        error={!!problems.quantity}
        helperText={problems.quantity}
        sx={{ width: 110 }}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      />
      <TextField
        size="small"
        label={`${kind === 'LABOUR' ? 'Rate' : 'Price'} (${currency})`}
        required
        value={price}
        onChange={(event) => setPrice(event.target.value)}
        error={!!problems.price}
        helperText={problems.price ?? (digits ? `Up to ${digits} decimals` : 'No decimals')}
        sx={{ width: 150 }}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      />
      <MuiButton type="submit" variant="outlined" sx={{ minHeight: 40 }}>
        Add to repair
      </MuiButton>
    </Stack>
  );
}

/** The repair recommended for an item, line by line in the work order's currency, with its total; lines added and removed while inspecting. */
export function Recommendation({
  itemName,
  lines,
  total,
  currency,
  editable,
  onAdd,
  onRemove,
}: {
  itemName: string;
  lines: RecommendedLineRow[];
  total: number;
  currency: string;
  editable: boolean;
  onAdd: (line: NewRecommendedLine) => Promise<boolean>;
  onRemove: (index: number) => void;
}) {
  const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? 'Price to follow' : formatMoney(minor, currency));
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h4">
        Recommended repair
      </Typography>
      {lines.length > 0 && (
        // a phone scrolls the lines rather than the page
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`Recommended repair for ${itemName}`}>
            <TableHead>
              <TableRow>
                <TableCell>Repair</TableCell>
                <TableCell align="right">Quantity</TableCell>
                <TableCell align="right">Price</TableCell>
                <TableCell align="right">Total</TableCell>
                {editable && <TableCell padding="checkbox" />}
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((line, index) => (
                <TableRow key={`${line.description}-${index}`}>
                  <TableCell>
                    {line.description}
                    {line.partNumber && (
                      <Typography variant="caption" color="text.secondary" component="span">
                        {' '}
                        · {line.partNumber}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{formatQuantity(line.quantity)}</TableCell>
                  <TableCell align="right">{money(line.unitPrice)}</TableCell>
                  <TableCell align="right">{money(line.total)}</TableCell>
                  {editable && (
                    <TableCell padding="checkbox">
                      <IconButton size="small" aria-label={`Remove "${line.description}" from the repair of ${itemName}`} onClick={() => onRemove(index)}>
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  )}
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={3}>
                  <strong>Repair total before tax</strong>
                </TableCell>
                <TableCell align="right">
                  <strong>{money(total)}</strong>
                </TableCell>
                {editable && <TableCell padding="checkbox" />}
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      )}
      {!lines.length && !editable && (
        <Typography variant="body2" color="text.secondary">
          Nothing recommended
        </Typography>
      )}
      {editable && <AddLineForm itemName={itemName} currency={currency} onAdd={onAdd} />}
    </Stack>
  );
}
