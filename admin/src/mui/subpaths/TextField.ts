// What react-admin gets for `@mui/material/TextField`.
export { TextField as default } from '../legacy-props.tsx';
