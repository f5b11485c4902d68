/**
 * `npm run demo`: the product wired to local fakes of every provider, so each integration can be tried
 * offline. The fakes run in this process; the product starts as with `npm start`. The credentials the
 * fakes accept are printed at the end: paste them in the admin's Integrations page (OAuth providers show
 * a consent page of their own).
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOCUSIGN_FAKE_CLIENT,
  DOCUSIGN_FAKE_CONNECT_KEY,
  GOOGLE_FAKE_CLIENT,
  QUICKBOOKS_FAKE_CLIENT,
  QUICKBOOKS_FAKE_VERIFIER_TOKEN,
  startDocuSignFake,
  startGoogleFake,
  startMpesaFake,
  startNhtsaFake,
  startQuickBooksFake,
  startResendFake,
  startStripeFake,
  startTwilioFake,
  startWhatsAppFake,
  type FakeOptions,
  type ProviderFake,
} from '@atelier/fakes';
import { publicUrl as configuredPublicUrl, reportStartupFailure } from '@atelier/kit';
import pg from 'pg';
import { assertProductConfig, loadDotEnv } from './lib/startup.ts';

// before any fake starts: the demo refuses production on development secrets like every entry point
loadDotEnv();
try {
  assertProductConfig();
} catch (error) {
  reportStartupFailure(error);
  process.exit(1);
}

const root = join(import.meta.dirname, '..');
const publicUrl = configuredPublicUrl(); // the one the banner prints and OAuth returns to

/** What each fake accepts; shown to the person trying the demo. */
const demo = {
  stripe: { secretKey: 'sk_test_atelier_demo', webhookSecret: 'whsec_atelier_demo' },
  twilio: { accountSid: 'AC00000000000000000000000000000001', authToken: 'atelier-demo-auth-token-000000001' },
  whatsapp: {
    phoneNumberId: '100000000000001',
    accessToken: 'EAAatelierDemoAccessToken',
    appSecret: 'atelier-demo-app-secret',
    verifyToken: 'atelier-demo-verify',
  },
  resend: { apiKey: 're_atelier_demo_key', webhookSecret: `whsec_${Buffer.from('atelier-demo-resend-webhook-secret').toString('base64')}` },
  mpesa: {
    consumerKey: 'atelier-demo-consumer-key',
    consumerSecret: 'atelier-demo-consumer-secret',
    shortcode: '174379',
    passkey: 'atelier-demo-passkey',
    environment: 'sandbox',
  },
  docusign: { connectKey: DOCUSIGN_FAKE_CONNECT_KEY },
};

/** Fakes that deliver webhooks read `webhookUrl` at each delivery: point it at the connection once it exists. */
const webhookTargets = new Map<string, FakeOptions>();

const stripeOptions: FakeOptions & typeof demo.stripe & { businessName: string } = { ...demo.stripe, businessName: 'Demo Motors (Stripe fake)' };
const twilioOptions: FakeOptions & typeof demo.twilio = { ...demo.twilio };
const whatsappOptions: FakeOptions & typeof demo.whatsapp = { ...demo.whatsapp };
const resendOptions: FakeOptions & typeof demo.resend = { ...demo.resend };
webhookTargets.set('stripe', stripeOptions).set('twilio', twilioOptions).set('whatsapp', whatsappOptions).set('resend', resendOptions);

const fakes: Record<string, ProviderFake> = {
  stripe: await startStripeFake(stripeOptions),
  twilio: await startTwilioFake(twilioOptions),
  whatsapp: await startWhatsAppFake(whatsappOptions),
  resend: await startResendFake(resendOptions),
  mpesa: await startMpesaFake({
    consumerKey: demo.mpesa.consumerKey,
    consumerSecret: demo.mpesa.consumerSecret,
    shortCode: demo.mpesa.shortcode,
    passkey: demo.mpesa.passkey,
  }),
  nhtsa: await startNhtsaFake({}),
  google: await startGoogleFake({}),
  docusign: await startDocuSignFake({}),
  quickbooks: await startQuickBooksFake({ webhookVerifierToken: QUICKBOOKS_FAKE_VERIFIER_TOKEN }),
};
const google = fakes.google as Awaited<ReturnType<typeof startGoogleFake>>;
const docusign = fakes.docusign as Awaited<ReturnType<typeof startDocuSignFake>>;
const quickbooks = fakes.quickbooks as Awaited<ReturnType<typeof startQuickBooksFake>>;

// the DocuSign fake's account server speaks TLS with a certificate made at start: trust it for DocuSign only
mkdirSync(join(root, '.data'), { recursive: true });
const docusignCa = join(root, '.data', 'docusign-fake-ca.pem');
writeFileSync(docusignCa, docusign.caCertificate);

Object.assign(process.env, {
  PUBLIC_URL: publicUrl,
  STRIPE_API_URL: fakes.stripe?.url,
  TWILIO_API_URL: fakes.twilio?.url,
  WHATSAPP_GRAPH_URL: fakes.whatsapp?.url,
  RESEND_API_URL: fakes.resend?.url,
  MPESA_API_URL: fakes.mpesa?.url,
  NHTSA_API_URL: fakes.nhtsa?.url,
  GOOGLE_OAUTH_URL: google.url,
  GOOGLE_API_URL: google.rootUrl,
  GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
  GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
  DOCUSIGN_OAUTH_HOST: docusign.oauthBasePath,
  DOCUSIGN_CA_FILE: docusignCa,
  DOCUSIGN_CLIENT_ID: DOCUSIGN_FAKE_CLIENT.id,
  DOCUSIGN_CLIENT_SECRET: DOCUSIGN_FAKE_CLIENT.secret,
  QUICKBOOKS_OAUTH_URL: quickbooks.url,
  QUICKBOOKS_API_URL: quickbooks.apiBaseUrl,
  QUICKBOOKS_ENVIRONMENT: 'sandbox',
  QUICKBOOKS_CLIENT_ID: QUICKBOOKS_FAKE_CLIENT.id,
  QUICKBOOKS_CLIENT_SECRET: QUICKBOOKS_FAKE_CLIENT.secret,
  QUICKBOOKS_WEBHOOK_VERIFIER: QUICKBOOKS_FAKE_VERIFIER_TOKEN,
});

await import('./start.ts');

console.log(
  ['', 'Provider fakes (control API: GET <url>/__control):', ...Object.entries(fakes).map(([name, fake]) => `  ${name.padEnd(11)} ${fake.url}`)].join('\n'),
);
console.log(
  [
    '',
    'Credentials the fakes accept (Integrations page):',
    ...Object.entries(demo).map(([name, values]) => `  ${name.padEnd(11)} ${JSON.stringify(values)}`),
    "  google, quickbooks: sign in on the fake's consent page",
    '',
  ].join('\n'),
);

// a demo organization has one connection per provider: route each fake's webhooks to it once it exists
const database = new pg.Client({
  connectionString: process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 5499}/atelier`,
});
await database.connect();
const timer = setInterval(() => {
  void database
    .query<{ id: string; provider: string }>(`select id, lower(provider) as provider from integrations.connections where status = 'CONNECTED'`)
    .then(({ rows }) => {
      for (const row of rows) {
        const options = webhookTargets.get(row.provider);
        if (options) options.webhookUrl = `${publicUrl}/webhooks/${row.provider}/${row.id}`;
      }
    })
    .catch(() => undefined);
}, 2_000);
const stopFakes = async () => {
  clearInterval(timer);
  await database.end().catch(() => undefined);
  await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopFakes());
