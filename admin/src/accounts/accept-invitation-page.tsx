import { Alert, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, SaveButton, TextInput, required, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router';
import { formErrorsOf } from '../api/errors.ts';
import type { AccountsApi } from './accounts-api.ts';
import type { LoginNotice } from './account-paths.ts';
import { PublicCard, SignInLink } from './public-card.tsx';

const requiredValue = required();

/**
 * Where the emailed invitation link lands: someone new to Atelier gives a name and a new password, someone
 * with an account their password; then they sign in, to the organization that invited them.
 */
export function AcceptInvitationPage({ api }: { api: AccountsApi }) {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const [generalError, setGeneralError] = useState<string>();

  async function accept(values: Record<string, unknown>) {
    setGeneralError(undefined);
    const password = String(values.password ?? '');
    const name = typeof values.name === 'string' && values.name.trim() ? values.name : undefined;
    let accepted;
    try {
      accepted = await api.acceptInvitation({ token: token ?? '', password, ...(name && { name }) });
    } catch (error) {
      const { fields, general } = formErrorsOf(error, ['name', 'password']);
      setGeneralError(general);
      return fields;
    }
    // joined: they sign in next, with the password they just gave, and land in the organization that invited them
    navigate('/login', {
      state: { notice: translate('atelier.accounts.acceptInvitation.joined', { organization: accepted.organization.name }) } satisfies LoginNotice,
    });
  }

  return (
    <PublicCard title={translate('atelier.accounts.acceptInvitation.title')}>
      {!token ? (
        <Alert severity="error">{translate('atelier.accounts.verifyEmail.noToken')}</Alert>
      ) : (
        <Form onSubmit={accept}>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('atelier.accounts.acceptInvitation.intro')}
          </Typography>
          {generalError && (
            <Alert severity="error" role="alert" sx={{ mb: 2 }}>
              {generalError}
            </Alert>
          )}
          <TextInput source="name" label="atelier.accounts.name" helperText="atelier.accounts.acceptInvitation.nameHelp" autoComplete="name" fullWidth />
          <PasswordInput source="password" label="atelier.accounts.password" validate={requiredValue} autoComplete="new-password" fullWidth />
          <SaveButton label="atelier.accounts.acceptInvitation.submit" fullWidth />
        </Form>
      )}
      <SignInLink />
    </PublicCard>
  );
}
