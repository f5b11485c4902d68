// What react-admin gets for `@mui/material`: MUI itself, with the text field that understands react-admin's props.
export * from '@mui/material';
export { TextField } from './text-field.tsx';
