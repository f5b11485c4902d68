import type { ReactNode } from 'react';
import { Admin, CustomRoutes } from 'react-admin';
import { isEnumType } from 'graphql';
import { HashRouter, Route } from 'react-router';
import { AcceptInvitationPage } from './accounts/accept-invitation-page.tsx';
import { ACCEPT_INVITATION_PATH, SIGN_UP_PATH, VERIFY_EMAIL_PATH } from './accounts/account-paths.ts';
import { createAccountsApi } from './accounts/accounts-api.ts';
import { InviteMemberButton } from './accounts/invite-member-button.tsx';
import { AtelierLoginPage } from './accounts/login-page.tsx';
import { SignUpPage } from './accounts/sign-up-page.tsx';
import { VerifyEmailPage } from './accounts/verify-email-page.tsx';
import { withDomainActions } from './actions/domain-actions-data-provider.ts';
import { createApiClient } from './api/client.ts';
import { createAuthProvider } from './auth/auth-provider.ts';
import { AtelierLayout } from './auth/layout.tsx';
import { currentSession } from './auth/session.ts';
import { createDataProvider } from './data-provider/data-provider.ts';
import { dashboardFor } from './dashboard/dashboard.tsx';
import { withAppointments } from './appointments/appointments-data-provider.ts';
import { AppointmentCalendarPage, CALENDAR_PATH } from './appointments/calendar-page.tsx';
import { createI18nProvider } from './i18n/i18n-provider.ts';
import { InspectionScreen } from './inspections/inspection-screen.tsx';
import { INTEGRATIONS_PATH } from './integrations/integrations-menu-item.tsx';
import { IntegrationsPage } from './integrations/integrations-page.tsx';
import { withIntegrations } from './integrations/integrations-data-provider.ts';
import { createLiveClient } from './integrations/live-client.ts';
import { AppMenu } from './menu/app-menu.tsx';
import { syncKindsOf } from './integrations/sync-kinds.ts';
import { resourceElement, type ResourceOverrides } from './resources/resource.tsx';
import { apiResources, apiSchema, apiSettings } from './schema/api-schema.ts';
import { withSettings } from './settings/settings-data-provider.ts';
import { SettingsPage } from './settings/settings-page.tsx';
import { settingsPath } from './settings/settings-paths.ts';
import { JobBoardPage, JOB_BOARD_PATH } from './work-orders/job-board-page.tsx';
import { WorkOrderScreen } from './work-orders/work-order-screen.tsx';
import { withWorkOrders } from './work-orders/work-orders-data-provider.ts';

const client = createApiClient(() => currentSession()?.token);
const live = createLiveClient(() => currentSession()?.token);
const generated = withDomainActions(createDataProvider(client, apiSchema, apiResources), client, apiResources);
const dataProvider = withSettings(withAppointments(withWorkOrders(withIntegrations(generated, client), client), client), client, apiSettings);
const authProvider = createAuthProvider(client);
const i18nProvider = createI18nProvider(apiResources, apiSettings);
const syncKinds = syncKindsOf(apiSchema);
const accounts = createAccountsApi(client);
const roleType = apiSchema.getType('Role');
const roles = isEnumType(roleType) ? roleType.getValues().map((value) => value.name) : [];
const inviteMember = <InviteMemberButton api={accounts} roles={roles} />;

/** Hand-written pages in place of generated ones, by resource. */
const overrides: Record<string, ResourceOverrides> = {
  WorkOrder: { show: <WorkOrderScreen live={live} /> },
  Inspection: { show: <InspectionScreen live={live} /> },
  Membership: { listActions: inviteMember },
  Invitation: { listActions: inviteMember },
};

/** The menu in groups: hand-written pages, generated resources and the API's settings pages (menu/). */
function GroupedMenu() {
  return <AppMenu settings={apiSettings} />;
}

function AppLayout({ children }: { children: ReactNode }) {
  return <AtelierLayout menu={GroupedMenu}>{children}</AtelierLayout>;
}

/**
 * The router is ours so that navigations skip React transitions: with react-router 7's default, a protected
 * page that sends a signed-out user to /login stays mounted meanwhile, and react-admin checks auth and
 * signs out again in a loop for ~10 seconds before the login page shows (marmelab/react-admin#10885).
 */
export function App() {
  return (
    <HashRouter useTransitions={false}>
      <Admin
        title="Atelier"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        dashboard={dashboardFor({ client, live, schema: apiSchema, catalog: apiResources })}
        layout={AppLayout}
        loginPage={AtelierLoginPage}
        requireAuth
        disableTelemetry
      >
        {[...apiResources.values()].map((resource) => resourceElement(resource, apiResources, overrides[resource.name]))}
        <CustomRoutes noLayout>
          <Route path={VERIFY_EMAIL_PATH} element={<VerifyEmailPage api={accounts} />} />
          <Route path={ACCEPT_INVITATION_PATH} element={<AcceptInvitationPage api={accounts} />} />
          <Route path={SIGN_UP_PATH} element={<SignUpPage api={accounts} />} />
        </CustomRoutes>
        <CustomRoutes>
          <Route path={INTEGRATIONS_PATH} element={<IntegrationsPage live={live} catalog={apiResources} syncKinds={syncKinds} />} />
          <Route path={JOB_BOARD_PATH} element={<JobBoardPage live={live} />} />
          <Route path={CALENDAR_PATH} element={<AppointmentCalendarPage live={live} />} />
          {apiSettings.map((settings) => (
            <Route key={settings.name} path={settingsPath(settings)} element={<SettingsPage settings={settings} catalog={apiResources} />} />
          ))}
        </CustomRoutes>
      </Admin>
    </HashRouter>
  );
}
