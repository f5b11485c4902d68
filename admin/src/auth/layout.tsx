import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
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

export function AtelierLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={AtelierAppBar}>{children}</Layout>;
}
