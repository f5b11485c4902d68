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

/** `menu` replaces react-admin's menu of the resources (the app adds its hand-written pages to it). */
export function AtelierLayout({ children, menu }: { children: ReactNode; menu?: ComponentType }) {
  return (
    <Layout appBar={AtelierAppBar} menu={menu}>
      {children}
    </Layout>
  );
}
