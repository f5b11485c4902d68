import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import { ListSubheader } from '@mui/material';
import { Menu, useSidebarState } from 'react-admin';
import type { SettingsDescription } from '../schema/resources.ts';
import { settingsLabel, settingsPath } from './settings-paths.ts';

/** A "Settings" heading (while the sidebar is open) and one entry per settings page of the API. */
export function SettingsMenuItems({ settings }: { settings: readonly SettingsDescription[] }) {
  const [open] = useSidebarState();
  if (!settings.length) return null;
  return (
    <>
      {open && <ListSubheader sx={{ bgcolor: 'transparent', lineHeight: 2.5 }}>Settings</ListSubheader>}
      {settings.map((each) => (
        <Menu.Item key={each.name} to={settingsPath(each)} primaryText={settingsLabel(each)} leftIcon={<SettingsIcon />} />
      ))}
    </>
  );
}
