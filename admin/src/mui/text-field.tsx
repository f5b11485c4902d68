import { TextField as MuiTextField, type TextFieldProps } from '@mui/material';
import { forwardRef } from 'react';

/** MUI 5's props of a text field and the slot each became (MUI 9 dropped them: left in, they reach the DOM). */
const LEGACY_SLOTS = {
  InputProps: 'input',
  inputProps: 'htmlInput',
  InputLabelProps: 'inputLabel',
  FormHelperTextProps: 'formHelperText',
  SelectProps: 'select',
} as const;
type Legacy = Partial<Record<keyof typeof LEGACY_SLOTS, Record<string, unknown>>>;

/**
 * react-admin 5's inputs pass both the old props and `slotProps` to MUI's TextField; this TextField moves the
 * old ones into their slots (what `slotProps` already says wins), so nothing unknown reaches the DOM.
 */
export const TextField = forwardRef<HTMLDivElement, TextFieldProps & Legacy>(function TextField(props, ref) {
  const rest: Record<string, unknown> = { ...props };
  const slotProps: Record<string, unknown> = { ...(props.slotProps as Record<string, unknown> | undefined) };
  for (const [legacy, slot] of Object.entries(LEGACY_SLOTS)) {
    const value = rest[legacy] as Record<string, unknown> | undefined;
    delete rest[legacy];
    if (value) slotProps[slot] = { ...value, ...(slotProps[slot] as Record<string, unknown> | undefined) };
  }
  return <MuiTextField ref={ref} {...(rest as TextFieldProps)} slotProps={slotProps} />;
});
