// What react-admin gets for `@mui/material/FormControlLabel`.
export { FormControlLabel as default } from '../legacy-props.tsx';
