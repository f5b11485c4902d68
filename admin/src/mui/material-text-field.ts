// What react-admin gets for `@mui/material/TextField`.
export { TextField as default } from './text-field.tsx';
