import { adminUrl, isProduction, publicUrl } from '@atelier/kit';

export interface BannerFacts {
  /** Each subgraph's name and where the gateway reaches it (internal: not for a browser). */
  subgraphs: { name: string; url: string }[];
  /** The demo organization's owner when one was created, with the password only when it is the README's public one. */
  demo: { email: string; password?: string } | null;
}

/**
 * What `npm start` prints once everything runs. The admin and API addresses are the configured public
 * origins (`ADMIN_URL`, `PUBLIC_URL`, localhost by default), the very ones OAuth returns and emailed
 * links use, so a person who follows the banner keeps their session after connecting a provider.
 */
export function startBanner({ subgraphs, demo }: BannerFacts): string {
  return [
    '',
    'Atelier is running',
    `  admin        ${adminUrl()}`,
    `  API          ${publicUrl()}/graphql${isProduction() ? '' : '  (GraphiQL in the browser)'}`,
    ...subgraphs.map((s) => `  ${s.name.padEnd(12)} ${s.url}`),
    `  database     ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in .data/postgres'}`,
    ...(demo?.password ? ['', 'Demo organization created. Sign in with:', `  email        ${demo.email}`, `  password     ${demo.password}`] : []),
    ...(demo && !demo.password ? ['', `Demo organization created; its owner ${demo.email} signs in with DEMO_OWNER_PASSWORD.`] : []),
    '',
    'Ctrl-C stops everything.',
  ].join('\n');
}
