// What react-admin gets for `@mui/material`: MUI itself, with the components that understand react-admin's MUI 5 props.
export * from '@mui/material';
export { Checkbox, FormControlLabel, Switch, TextField } from './legacy-props.tsx';
