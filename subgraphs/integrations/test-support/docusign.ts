/**
 * The DocuSign fake wired in through the environment, for tests (never used by the product): its
 * self-signed CA trusted, the OAuth host and client set, the REST origin left to userinfo as in production.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUSIGN_FAKE_CLIENT, startDocuSignFake, type DocuSignFake, type DocuSignFakeOptions } from '@atelier/fakes';

const ENV = ['DOCUSIGN_OAUTH_HOST', 'DOCUSIGN_API_URL', 'DOCUSIGN_CA_FILE', 'DOCUSIGN_CLIENT_ID', 'DOCUSIGN_CLIENT_SECRET', 'PUBLIC_URL', 'ADMIN_URL'] as const;

/** Starts the DocuSign fake and points the environment at it; `restore` puts everything back. */
export async function docusignTestEnvironment(options: DocuSignFakeOptions = {}): Promise<{ fake: DocuSignFake; restore(): Promise<void> }> {
  const previous = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  const fake = await startDocuSignFake(options);
  const caDirectory = mkdtempSync(join(tmpdir(), 'atelier-docusign-'));
  writeFileSync(join(caDirectory, 'fake-ca.pem'), fake.caCertificate);
  Object.assign(process.env, {
    DOCUSIGN_OAUTH_HOST: fake.oauthBasePath,
    DOCUSIGN_CA_FILE: join(caDirectory, 'fake-ca.pem'),
    DOCUSIGN_CLIENT_ID: DOCUSIGN_FAKE_CLIENT.id,
    DOCUSIGN_CLIENT_SECRET: DOCUSIGN_FAKE_CLIENT.secret,
    ADMIN_URL: 'http://admin.atelier.test',
  });
  delete process.env.DOCUSIGN_API_URL; // the REST origin comes from userinfo, as in production
  return {
    fake,
    async restore() {
      for (const name of ENV)
        if (previous[name] === undefined) delete process.env[name];
        else process.env[name] = previous[name];
      await fake.stop();
      rmSync(caDirectory, { recursive: true, force: true });
    },
  };
}
