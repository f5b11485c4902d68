import HubIcon from '@mui/icons-material/Hub';
import { Menu } from 'react-admin';

export const INTEGRATIONS_PATH = '/integrations';

export function IntegrationsMenuItem() {
  return <Menu.Item to={INTEGRATIONS_PATH} primaryText="Integrations" leftIcon={<HubIcon />} />;
}
