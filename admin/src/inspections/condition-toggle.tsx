import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { CONDITIONS } from './inspection-presentation.ts';
import type { InspectionCondition } from './inspection-types.ts';

/** Good / needs attention / urgent as three big buttons a gloved thumb can hit; the chosen one in its colour. */
export function ConditionToggle({
  itemName,
  value,
  onChange,
}: {
  itemName: string;
  value: InspectionCondition | null | undefined;
  onChange: (condition: InspectionCondition) => void;
}) {
  return (
    <ToggleButtonGroup
      exclusive
      value={value ?? null}
      aria-label={`Condition of ${itemName}`}
      onChange={(_event, next: InspectionCondition | null) => next && next !== value && onChange(next)}
      sx={{ flexWrap: 'wrap' }}
    >
      {CONDITIONS.map((condition) => (
        <ToggleButton
          key={condition.value}
          value={condition.value}
          color={condition.colour}
          sx={{ minHeight: 56, minWidth: { xs: 96, sm: 150 }, fontSize: '1rem', textTransform: 'none', fontWeight: 600 }}
        >
          {condition.label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
