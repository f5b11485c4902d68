import { Admin } from 'react-admin';
import { HashRouter } from 'react-router';
import { createApiClient } from './api/client.ts';
import { createAuthProvider } from './auth/auth-provider.ts';
import { AtelierLayout } from './auth/layout.tsx';
import { currentSession } from './auth/session.ts';
import { createDataProvider } from './data-provider/data-provider.ts';
import { createI18nProvider } from './i18n/i18n-provider.ts';
import { resourceElement } from './resources/resource.tsx';
import { apiResources, apiSchema } from './schema/api-schema.ts';

const client = createApiClient(() => currentSession()?.token);
const dataProvider = createDataProvider(client, apiSchema, apiResources);
const authProvider = createAuthProvider(client);
const i18nProvider = createI18nProvider(apiResources);

/**
 * The router is ours so that navigations skip React transitions: with react-router 7's default, a protected
 * page that sends a signed-out user to /login stays mounted meanwhile, and react-admin checks auth and
 * signs out again in a loop for ~10 seconds before the login page shows (marmelab/react-admin#10885).
 */
export function App() {
  return (
    <HashRouter useTransitions={false}>
      <Admin title="Atelier" dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} layout={AtelierLayout} requireAuth disableTelemetry>
        {[...apiResources.values()].map((resource) => resourceElement(resource, apiResources))}
      </Admin>
    </HashRouter>
  );
}
