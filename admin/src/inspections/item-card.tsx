import { Button as MuiButton, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { ApiErrorAlert } from '../work-orders/api-error-alert.tsx';
import { ConditionToggle } from './condition-toggle.tsx';
import { conditionOf, DECISION_LABELS } from './inspection-presentation.ts';
import type { InspectionItemRow, RecommendationDecision } from './inspection-types.ts';
import { inspectionsApi } from './inspections-api.ts';
import { Photos } from './photos.tsx';
import { Recommendation, type NewRecommendedLine } from './recommendation.tsx';
import { useApiCall } from './use-api-call.ts';

/** The item's notes as typed; what the API has comes in while they are not being edited. */
function NotesField({ item, onSave }: { item: InspectionItemRow; onSave: (notes: string | null) => Promise<boolean> }) {
  const stored = item.notes ?? '';
  const [draft, setDraft] = useState(stored);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(stored);
  }, [stored, editing]);
  const changed = draft.trim() !== stored;
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        label="Notes"
        multiline
        minRows={1}
        value={draft}
        onFocus={() => setEditing(true)}
        onChange={(event) => setDraft(event.target.value)}
        sx={{ flex: '1 1 280px' }}
        slotProps={{ htmlInput: { 'aria-label': `Notes on ${item.name}` } }}
      />
      {changed && (
        <MuiButton variant="outlined" sx={{ minHeight: 56 }} onClick={() => void onSave(draft.trim() || null).then((saved) => saved && setEditing(false))}>
          Save notes
        </MuiButton>
      )}
    </Stack>
  );
}

/** The customer's answer to the item's recommended repair: awaited, or recorded as approved or declined (and by whom). */
function Decision({ item, onDecide }: { item: InspectionItemRow; onDecide: (decision: RecommendationDecision) => void }) {
  if (!item.decision) return null;
  const shown = DECISION_LABELS[item.decision];
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="subtitle2" component="span">
        Customer's answer:
      </Typography>
      <Chip label={shown.label} color={shown.colour} data-testid={`decision-${item.name}`} />
      {item.decidedBy && (
        <Typography variant="body2" color="text.secondary" component="span">
          {item.decidedBy}
          {item.decidedAt && ` · ${new Date(item.decidedAt).toLocaleString()}`}
        </Typography>
      )}
      {item.decision === 'PENDING' && (
        <>
          <MuiButton
            variant="contained"
            color="success"
            sx={{ minHeight: 48 }}
            onClick={() => onDecide('APPROVED')}
            aria-label={`Approve the repair of ${item.name}`}
          >
            Approved
          </MuiButton>
          <MuiButton
            variant="outlined"
            color="error"
            sx={{ minHeight: 48 }}
            onClick={() => onDecide('DECLINED')}
            aria-label={`Decline the repair of ${item.name}`}
          >
            Declined
          </MuiButton>
        </>
      )}
    </Stack>
  );
}

/**
 * One checklist item: its condition as big toggles, notes, photos and the recommended repair while the
 * technician inspects; once sent, the customer's answer to the repair is recorded here. Each change is
 * saved at once; a refusal shows on the item with every reason.
 */
export function ItemCard({
  item,
  currency,
  editable,
  decidedBy,
  onChanged,
}: {
  item: InspectionItemRow;
  currency: string;
  editable: boolean;
  /** Who answered for the customer, typed once for the whole inspection. */
  decidedBy: string;
  onChanged: () => void;
}) {
  const { run, error, clearError } = useApiCall();
  const save = async (call: () => Promise<unknown>) => {
    const saved = await run(call);
    if (saved) onChanged();
    return saved;
  };
  const update = (input: Parameters<typeof inspectionsApi.updateItem>[0]['input']) => save(() => inspectionsApi.updateItem({ id: item.id, input }));
  const addLine = (line: NewRecommendedLine) => save(() => inspectionsApi.addRecommendedLine({ id: item.id, input: line }));
  const condition = conditionOf(item.condition);
  const needsRepair = item.condition === 'ATTENTION' || item.condition === 'URGENT' || item.recommendation.length > 0;

  return (
    <Card variant="outlined" component="section" aria-label={item.name}>
      <CardContent>
        <Stack sx={{ gap: 2 }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h3" sx={{ flex: 1 }}>
              {item.name}
            </Typography>
            {!editable && <Chip label={condition?.label ?? 'Not rated'} color={condition?.colour ?? 'default'} />}
          </Stack>
          {editable && <ConditionToggle itemName={item.name} value={item.condition} onChange={(next) => void update({ condition: next })} />}
          {editable ? <NotesField item={item} onSave={(notes) => update({ notes })} /> : item.notes && <Typography variant="body2">{item.notes}</Typography>}
          <Photos itemName={item.name} photos={item.photos} editable={editable} onChange={(photos) => update({ photos })} />
          {needsRepair && (
            <Recommendation
              itemName={item.name}
              lines={item.recommendation}
              total={item.recommendedTotal}
              currency={currency}
              editable={editable}
              onAdd={addLine}
              onRemove={(index) => void save(() => inspectionsApi.removeRecommendedLine(item.id, index))}
            />
          )}
          <Decision
            item={item}
            onDecide={(decision) => void save(() => inspectionsApi.decide({ id: item.id, decision, decidedBy: decidedBy.trim() || null }))}
          />
          <ApiErrorAlert error={error} title={`"${item.name}" was not changed`} onClose={clearError} />
        </Stack>
      </CardContent>
    </Card>
  );
}
