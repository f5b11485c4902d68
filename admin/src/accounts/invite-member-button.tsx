import PersonAddIcon from '@mui/icons-material/PersonAddOutlined';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  SaveButton,
  SelectInput,
  TextInput,
  email,
  required,
  usePermissions,
  useNotify,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formErrorsOf } from '../api/errors.ts';
import type { Role } from '../generated/graphql.ts';
import { choicesOf } from '../resources/presentation.ts';
import type { AccountsApi } from './accounts-api.ts';

const requiredValue = required();

/** Who may invite (identity's ADMINS), and whom: only an owner invites an owner; API keys have the integration role. */
const INVITERS = ['OWNER', 'MANAGER'];
const rolesFor = (inviter: string, roles: readonly string[]) => roles.filter((role) => role !== 'INTEGRATION' && (role !== 'OWNER' || inviter === 'OWNER'));

/**
 * Invites a person by email with a role, from the members' and invitations' lists; the pending invitation
 * then shows in the invitations list, where it can be revoked. Hidden from those who may not invite.
 */
export function InviteMemberButton({ api, roles }: { api: AccountsApi; roles: readonly string[] }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [generalError, setGeneralError] = useState<string>();
  if (!INVITERS.includes(permissions ?? '')) return null;

  const close = () => {
    setGeneralError(undefined);
    setOpen(false);
  };

  async function invite(values: Record<string, unknown>) {
    setGeneralError(undefined);
    try {
      const invitation = await api.inviteMember({ email: String(values.email ?? ''), role: String(values.role ?? '') as Role }); // one of `roles`, the schema's Role values
      notify(translate('atelier.accounts.invite.sent', { email: invitation.email }), { type: 'success' });
      close();
      redirect('list', 'Invitation');
      refresh();
    } catch (error) {
      const { fields, general } = formErrorsOf(error, ['email', 'role']);
      setGeneralError(general);
      return fields;
    }
  }

  return (
    <>
      <Button label="atelier.accounts.invite.button" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" aria-labelledby="invite-member-title">
        <DialogTitle id="invite-member-title">{translate('atelier.accounts.invite.title')}</DialogTitle>
        <Form onSubmit={invite}>
          <DialogContent>
            {generalError && (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {generalError}
              </Alert>
            )}
            <TextInput source="email" type="email" label="atelier.accounts.email" validate={[requiredValue, email()]} autoComplete="off" fullWidth />
            <SelectInput
              source="role"
              label="atelier.accounts.invite.role"
              validate={requiredValue}
              choices={choicesOf(rolesFor(permissions ?? '', roles))}
              fullWidth
            />
          </DialogContent>
          <DialogActions>
            <Button label="atelier.accounts.invite.cancel" onClick={close} />
            <SaveButton label="atelier.accounts.invite.submit" />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
