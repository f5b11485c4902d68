import { Button, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AuthLayout, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';

/** A page for people who are not signed in, on the login page's background: a title and its content. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <AuthLayout>
      <LanguageSwitcher />
      <CardContent sx={{ width: 420, maxWidth: '100%' }}>
        <Typography variant="h6" component="h1" gutterBottom>
          {title}
        </Typography>
        <Stack spacing={2}>{children}</Stack>
      </CardContent>
    </AuthLayout>
  );
}

export function SignInLink({ label = 'atelier.accounts.backToSignIn' }: { label?: string }) {
  const translate = useTranslate();
  return (
    <Button component={Link} to="/login" variant="outlined">
      {translate(label)}
    </Button>
  );
}
