import { Alert, Box, Link as MuiLink } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { Link, useLocation } from 'react-router';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { SIGN_UP_PATH, type LoginNotice } from './account-paths.ts';
import { signUpOffered } from './sign-up-availability.ts';

/** react-admin's login form, with what the page that sent the person here says, and a way to sign up. */
export function AtelierLoginPage() {
  const translate = useTranslate();
  const { notice } = (useLocation().state ?? {}) as LoginNotice;
  return (
    <Login>
      <LanguageSwitcher />
      {notice && (
        <Alert severity="info" sx={{ mx: 2, maxWidth: 300 }}>
          {notice}
        </Alert>
      )}
      <LoginForm />
      {signUpOffered() && (
        <Box sx={{ textAlign: 'center', pb: 2 }}>
          <MuiLink component={Link} to={SIGN_UP_PATH} variant="body2">
            {translate('atelier.accounts.signUp.link')}
          </MuiLink>
        </Box>
      )}
    </Login>
  );
}
