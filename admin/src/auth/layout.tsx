import { Typography } from '@mui/material';
import type { ComponentType, ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, useGetIdentity } from 'react-admin';
import type { AtelierIdentity } from './auth-provider.ts';

/** Which organization the admin is working in; the user menu next to it shows who is signed in. */
function OrganizationName() {
  const { identity } = useGetIdentity();
  const organization = (identity as AtelierIdentity | undefined)?.organization;
  return organization ? (
    <Typography variant="body2" sx={{ mx: 1, opacity: 0.85 }} data-testid="organization-name">
      {organization}
    </Typography>
  ) : null;
}

function AtelierAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <OrganizationName />
    </AppBar>
  );
}

/**
 * No page is wider than the window: react-admin's layout grows to fit its widest content (`min-width:
 * fit-content`), so a long table or a board widened the whole page. Here the layout keeps the window's
 * width and what is wider (a table, the job board, the calendar) scrolls sideways in its own box.
 */
const fitTheWindow = {
  minWidth: 0,
  '& .RaLayout-content, & .RaList-main': { minWidth: 0 },
  '& .RaDatagrid-root': { overflowX: 'auto' },
} as const;

/** `menu` replaces react-admin's menu of the resources (the app adds its hand-written pages to it). */
export function AtelierLayout({ children, menu }: { children: ReactNode; menu?: ComponentType }) {
  return (
    <Layout appBar={AtelierAppBar} menu={menu} sx={fitTheWindow}>
      {children}
    </Layout>
  );
}
