import { Alert } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, SaveButton, TextInput, email, required, useTranslate } from 'react-admin';
import { formErrorsOf, isForbidden } from '../api/errors.ts';
import type { AccountsApi } from './accounts-api.ts';
import { PublicCard, SignInLink } from './public-card.tsx';
import { markSignUpClosed } from './sign-up-availability.ts';

const requiredValue = required();
const FIELDS = ['organizationName', 'name', 'email', 'password'];

/**
 * Public sign-up: a new organization with the person as its owner. The API then emails a link to confirm
 * the address; where the server has sign-up turned off (FORBIDDEN) the form gives way to the API's reason.
 */
export function SignUpPage({ api }: { api: AccountsApi }) {
  const translate = useTranslate();
  const [outcome, setOutcome] = useState<{ sent: string } | { closed: string }>();
  const [generalError, setGeneralError] = useState<string>();

  async function signUp(values: Record<string, unknown>) {
    setGeneralError(undefined);
    try {
      const input = {
        organizationName: String(values.organizationName ?? ''),
        name: String(values.name ?? ''),
        email: String(values.email ?? ''),
        password: String(values.password ?? ''),
      };
      const result = await api.signUp(input);
      setOutcome({ sent: result.message });
    } catch (error) {
      if (isForbidden(error)) {
        markSignUpClosed();
        setOutcome({ closed: (error as Error).message });
        return;
      }
      const { fields, general } = formErrorsOf(error, FIELDS);
      setGeneralError(general);
      return fields;
    }
  }

  if (outcome && 'sent' in outcome) {
    return (
      <PublicCard title={translate('atelier.accounts.signUp.checkEmail')}>
        <Alert severity="success">{outcome.sent}</Alert>
        <SignInLink />
      </PublicCard>
    );
  }
  if (outcome) {
    return (
      <PublicCard title={translate('atelier.accounts.signUp.closed')}>
        <Alert severity="info">{outcome.closed}</Alert>
        <SignInLink />
      </PublicCard>
    );
  }
  return (
    <PublicCard title={translate('atelier.accounts.signUp.title')}>
      <Form onSubmit={signUp}>
        {generalError && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {generalError}
          </Alert>
        )}
        <TextInput source="organizationName" label="atelier.accounts.signUp.organizationName" validate={requiredValue} fullWidth />
        <TextInput source="name" label="atelier.accounts.name" validate={requiredValue} autoComplete="name" fullWidth />
        <TextInput source="email" type="email" label="atelier.accounts.email" validate={[requiredValue, email()]} autoComplete="email" fullWidth />
        <PasswordInput source="password" label="atelier.accounts.password" validate={requiredValue} autoComplete="new-password" fullWidth />
        <SaveButton label="atelier.accounts.signUp.submit" fullWidth />
      </Form>
      <SignInLink />
    </PublicCard>
  );
}
