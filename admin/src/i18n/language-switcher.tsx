import { Box } from '@mui/material';
import { LocalesMenuButton } from 'react-admin';

/** The language menu for the pages without the app bar (sign-in, sign-up), whose own bar has react-admin's. */
export function LanguageSwitcher() {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 1 }}>
      <LocalesMenuButton />
    </Box>
  );
}
