import { afterEach, describe, expect, it } from 'vitest';
import { startBanner } from '../../scripts/lib/banner.ts';
import { accountLink } from '../../subgraphs/identity/src/users/account-email.ts';
import { redirectUriFor } from '../../subgraphs/integrations/src/connections/connection.service.ts';
import { adminReturnUrl } from '../../subgraphs/integrations/src/connections/oauth.route.ts';
import { Provider } from '../../subgraphs/integrations/src/providers/provider.ts';

const SETTINGS = ['ADMIN_URL', 'PUBLIC_URL', 'ADMIN_PORT', 'GATEWAY_PORT'] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

/** The address printed on the banner line that starts with `label`. */
function bannerUrl(label: string): URL {
  const banner = startBanner({ subgraphs: [{ name: 'identity', url: 'http://127.0.0.1:4101/graphql' }], demo: null });
  const line = banner.split('\n').find((candidate) => candidate.trimStart().startsWith(`${label} `));
  expect(line, `banner line "${label}" in\n${banner}`).toBeDefined();
  return new URL((line as string).trim().split(/\s+/)[1] as string);
}

describe('one origin for the admin and the API', () => {
  it('by default: the banner prints the localhost origins that OAuth returns and account emails use', () => {
    for (const name of SETTINGS) delete process.env[name];
    const admin = bannerUrl('admin');
    expect(admin.origin).toBe('http://localhost:5173');
    expect(new URL(adminReturnUrl('/#/integrations', { provider: 'google', result: 'connected' })).origin).toBe(admin.origin);
    expect(new URL(accountLink('verify-email', 'token')).origin).toBe(admin.origin);
    const api = bannerUrl('API');
    expect(api.href).toBe('http://localhost:4000/graphql');
    expect(new URL(redirectUriFor(Provider.GOOGLE)).origin).toBe(api.origin);
  });

  it('follows the ports and the configured public URLs, everywhere at once', () => {
    Object.assign(process.env, { ADMIN_PORT: '6100', GATEWAY_PORT: '6000' });
    delete process.env.ADMIN_URL;
    delete process.env.PUBLIC_URL;
    expect(bannerUrl('admin').origin).toBe('http://localhost:6100');
    expect(new URL(adminReturnUrl(null, { result: 'failed' })).origin).toBe('http://localhost:6100');
    expect(new URL(redirectUriFor(Provider.GOOGLE)).origin).toBe(bannerUrl('API').origin);
    expect(bannerUrl('API').origin).toBe('http://localhost:6000');

    Object.assign(process.env, { ADMIN_URL: 'https://admin.garage.test/', PUBLIC_URL: 'https://api.garage.test' });
    expect(bannerUrl('admin').origin).toBe('https://admin.garage.test');
    expect(new URL(adminReturnUrl(null, { result: 'connected' })).origin).toBe('https://admin.garage.test');
    expect(new URL(accountLink('accept-invitation', 'token')).origin).toBe('https://admin.garage.test');
    expect(new URL(redirectUriFor(Provider.GOOGLE)).origin).toBe(bannerUrl('API').origin);
  });
});
