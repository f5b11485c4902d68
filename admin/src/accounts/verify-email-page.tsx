import { Alert, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router';
import type { AccountsApi } from './accounts-api.ts';
import { PublicCard, SignInLink } from './public-card.tsx';

/** One call per token: a link is used up by its first use, and React's strict mode runs effects twice. */
const verifications = new Map<string, Promise<void>>();

/** Where the emailed confirmation link lands: confirms the address with the link's token, then offers sign-in. */
export function VerifyEmailPage({ api }: { api: AccountsApi }) {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const [outcome, setOutcome] = useState<{ done: true } | { error: string }>();

  useEffect(() => {
    if (!token) return;
    if (!verifications.has(token)) verifications.set(token, api.verifyEmail(token));
    let current = true;
    verifications.get(token)?.then(
      () => current && setOutcome({ done: true }),
      (error: unknown) => current && setOutcome({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, token]);

  return (
    <PublicCard title={translate('atelier.accounts.verifyEmail.title')}>
      {!token ? (
        <Alert severity="error">{translate('atelier.accounts.verifyEmail.noToken')}</Alert>
      ) : !outcome ? (
        <Alert severity="info" icon={<CircularProgress size={20} />}>
          {translate('atelier.accounts.verifyEmail.checking')}
        </Alert>
      ) : 'error' in outcome ? (
        <Alert severity="error" role="alert">
          {outcome.error}
        </Alert>
      ) : (
        <Alert severity="success">{translate('atelier.accounts.verifyEmail.done')}</Alert>
      )}
      <SignInLink label={outcome && 'done' in outcome ? 'atelier.accounts.signIn' : undefined} />
    </PublicCard>
  );
}
