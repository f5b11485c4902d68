// What react-admin gets for `@mui/material/Switch`.
export { Switch as default } from '../legacy-props.tsx';
