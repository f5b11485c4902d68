import { Divider, ListSubheader } from '@mui/material';
import { createElement, Fragment, type ReactNode } from 'react';
import { Menu, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { CALENDAR_PATH } from '../appointments/calendar-page.tsx';
import { INTEGRATIONS_PATH } from '../integrations/integrations-menu-item.tsx';
import type { SettingsDescription } from '../schema/resources.ts';
import { settingsLabel, settingsPath } from '../settings/settings-paths.ts';
import { JOB_BOARD_PATH } from '../work-orders/job-board-page.tsx';
import { byMenuOrder, groupOf, MENU_GROUPS, type MenuGroup } from './menu-groups.ts';
import { CalendarIcon, GROUP_ICONS, HubIcon, resourceIcon, SettingsIcon, ViewKanbanIcon } from './menu-icons.ts';

/** The hand-written pages, first in their group. */
const PAGES: { group: MenuGroup; to: string; label: string; icon: ReactNode }[] = [
  { group: 'workshop', to: JOB_BOARD_PATH, label: 'atelier.menu.jobBoard', icon: <ViewKanbanIcon /> },
  { group: 'workshop', to: CALENDAR_PATH, label: 'atelier.menu.calendar', icon: <CalendarIcon /> },
  { group: 'integrations', to: INTEGRATIONS_PATH, label: 'atelier.menu.integrations', icon: <HubIcon /> },
];

/** A group's heading with its icon while the sidebar is open; a line when it is folded to icons. */
function GroupHeading({ group }: { group: MenuGroup }) {
  const [open] = useSidebarState();
  const translate = useTranslate();
  if (!open) return <Divider sx={{ my: 0.5 }} />;
  return (
    <ListSubheader data-menu-heading={group} sx={{ bgcolor: 'transparent', lineHeight: 2.5, display: 'flex', alignItems: 'center', gap: 1 }}>
      {createElement(GROUP_ICONS[group], { fontSize: 'small' })}
      {translate(`atelier.menu.groups.${group}`)}
    </ListSubheader>
  );
}

/**
 * The menu in groups (menu-groups.ts): the hand-written pages, the generated resources with a list, then the
 * API's settings pages under Settings. Empty groups are left out.
 */
export function AppMenu({ settings }: { settings: readonly SettingsDescription[] }) {
  const translate = useTranslate();
  const resources = useResourceDefinitions();
  const listed = Object.values(resources).filter((resource) => resource.hasList);
  const entries = (group: MenuGroup): ReactNode[] => [
    ...PAGES.filter((page) => page.group === group).map((page) => (
      <Menu.Item key={page.to} to={page.to} primaryText={translate(page.label)} leftIcon={page.icon} data-menu-group={group} />
    )),
    ...listed
      .filter((resource) => groupOf(resource.name) === group)
      .sort((a, b) => byMenuOrder(a.name, b.name))
      .map((resource) => (
        <Menu.ResourceItem key={resource.name} name={resource.name} leftIcon={createElement(resourceIcon(resource.name))} data-menu-group={group} />
      )),
    ...(group === 'settings' ? settings : []).map((each) => (
      <Menu.Item
        key={each.name}
        to={settingsPath(each)}
        primaryText={translate(`resources.${each.name}.name`, { smart_count: 1, _: settingsLabel(each) })}
        leftIcon={<SettingsIcon />}
        data-menu-group={group}
      />
    )),
  ];
  return (
    <Menu>
      {MENU_GROUPS.map((group) => {
        const items = entries(group);
        return items.length ? (
          <Fragment key={group}>
            <GroupHeading group={group} />
            {items}
          </Fragment>
        ) : null;
      })}
    </Menu>
  );
}
