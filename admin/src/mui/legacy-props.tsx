import { Checkbox as MuiCheckbox, FormControlLabel as MuiFormControlLabel, Switch as MuiSwitch, TextField as MuiTextField } from '@mui/material';
import { cloneElement, forwardRef, type ComponentType, type ReactElement, type Ref } from 'react';

type Props = Record<string, unknown>;
type Slots = Record<string, Props | undefined>;

/**
 * A MUI component that still takes the MUI 5 props react-admin 5 passes it (MUI 9 dropped them: left in,
 * they reach the DOM and React warns): each moves into the slot that replaced it, and what `slotProps`
 * already says for that slot wins. `legacy` names each old prop's slot, `ref` when it was a ref to the input.
 */
function withLegacyProps(Component: ComponentType<Props>, legacy: Record<string, string>, displayName: string) {
  const Wrapped = forwardRef<unknown, Props>(function LegacyProps(props, ref) {
    const rest: Props = { ...props };
    const slots: Slots = { ...(props.slotProps as Slots | undefined) };
    for (const [old, slot] of Object.entries(legacy)) {
      const value = rest[old];
      delete rest[old];
      if (value === undefined) continue;
      const [name, key] = slot.split('.') as [string, string | undefined];
      slots[name] = { ...(key ? { [key]: value } : (value as Props)), ...slots[name] };
    }
    return <Component ref={ref} {...rest} slotProps={slots} />;
  });
  Wrapped.displayName = displayName;
  return Wrapped;
}

export const TextField = withLegacyProps(
  MuiTextField as ComponentType<Props>,
  {
    InputProps: 'input',
    inputProps: 'htmlInput',
    InputLabelProps: 'inputLabel',
    FormHelperTextProps: 'formHelperText',
    SelectProps: 'select',
  },
  'TextField',
);

export const Checkbox = withLegacyProps(MuiCheckbox as ComponentType<Props>, { inputProps: 'input', inputRef: 'input.ref' }, 'Checkbox');
export const Switch = withLegacyProps(MuiSwitch as ComponentType<Props>, { inputProps: 'input', inputRef: 'input.ref' }, 'Switch');

/** MUI 5's FormControlLabel handed `inputRef` to its control; MUI 9's does not, so it is handed here. */
export const FormControlLabel = forwardRef<unknown, Props & { control: ReactElement<Props>; inputRef?: Ref<unknown> }>(function FormControlLabel(
  { inputRef, control, ...props },
  ref,
) {
  const Label = MuiFormControlLabel as unknown as ComponentType<Props>;
  const element = control as ReactElement<Props>;
  return <Label ref={ref} {...props} control={inputRef ? cloneElement(element, { inputRef }) : element} />;
});
