// What react-admin gets for `@mui/material/Checkbox`.
export { Checkbox as default } from '../legacy-props.tsx';
