import { StartupError } from './startup-error.ts';

/**
 * Every setting comes from the environment with a safe development default, so `npm start` works on a
 * fresh machine. Production refuses to start with the development secrets (see `assertProductionSecrets`).
 */
const DEV_CONTEXT_SECRET = 'dev-only-context-secret-change-me';
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
const MIN_SECRET_LENGTH = 32;

export const isProduction = () => process.env.NODE_ENV === 'production';

export function env(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

/** The HMAC secret the gateway signs the forwarded context with; every subgraph verifies it. */
export const contextSecret = () => env('CONTEXT_SECRET', DEV_CONTEXT_SECRET);
/** The secret identity signs session JWTs with; the gateway verifies them. */
export const jwtSecret = () => env('JWT_SECRET', DEV_JWT_SECRET);

/**
 * What a process needs to check about its own settings before it may run in production; each returns the
 * problems it finds (a subgraph adds its own, e.g. integrations' `SECRET_KEYS`).
 */
export type ConfigCheck = () => string[];

/** The secrets every process shares: the context signature and the session tokens. */
const sharedSecrets: ConfigCheck = () =>
  (
    [
      ['CONTEXT_SECRET', process.env.CONTEXT_SECRET, DEV_CONTEXT_SECRET],
      ['JWT_SECRET', process.env.JWT_SECRET, DEV_JWT_SECRET],
    ] as const
  ).flatMap(([name, value, dev]) => {
    if (!value) return [`${name} is not set`];
    if (value === dev) return [`${name} is the public development value`];
    if (value.length < MIN_SECRET_LENGTH) return [`${name} is shorter than ${MIN_SECRET_LENGTH} characters`];
    return [];
  });

/**
 * Refuses to run in production on missing or development secrets: anyone could sign a session or a
 * context header with the public defaults and be an OWNER. Every entry point calls it (through a
 * subgraph's `start`, the gateway's, and the scripts), before it opens anything. Lists every problem at once.
 */
export function assertProductionSecrets(checks: ConfigCheck[] = []): void {
  if (!isProduction()) return;
  const problems = [sharedSecrets, ...checks].flatMap((check) => check());
  if (!problems.length) return;
  throw new StartupError(
    [
      'Refusing to start in production (NODE_ENV=production):',
      ...problems.map((problem) => `  - ${problem}`),
      `Set each secret to a random value (for example \`openssl rand -base64 48\`); see .env.example.`,
    ].join('\n'),
  );
}

/** Default ports of the gateway and the admin; a subgraph's is its entry in subgraphs/registry.ts. */
export const defaultPorts = {
  gateway: 4000,
  admin: 5173,
} as const;

export type ServiceName = keyof typeof defaultPorts;

export function servicePort(name: ServiceName): number {
  return envInt(`${name.toUpperCase()}_PORT`, defaultPorts[name]);
}

/** A subgraph's port: `<NAME>_PORT`, or its default from the registry. */
export function subgraphPort(name: string, defaultPort: number): number {
  return envInt(`${name.toUpperCase()}_PORT`, defaultPort);
}

/** Where the gateway finds each subgraph (given with its default port): `<NAME>_URL`, or localhost on its port. */
export function subgraphUrlsFor<Name extends string>(ports: Record<Name, number>): Record<Name, string> {
  const entries = (Object.entries(ports) as [Name, number][]).map(([name, port]) => [
    name,
    env(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${subgraphPort(name, port)}/graphql`),
  ]);
  return Object.fromEntries(entries) as Record<Name, string>;
}

/**
 * The one origin people use for the admin: `ADMIN_URL`, or localhost on the admin's port. The start banner,
 * the links of account emails and the way back from a provider's consent page all come from here: the
 * session lives in the browser per origin, so a person sent to `127.0.0.1` after signing in on `localhost`
 * would be signed out.
 */
export const adminUrl = () => env('ADMIN_URL', `http://localhost:${servicePort('admin')}`).replace(/\/$/, '');

/** The public origin of the API (the gateway), where providers send people (OAuth) and webhooks: `PUBLIC_URL`, or localhost on the gateway's port. */
export const publicUrl = () => env('PUBLIC_URL', `http://localhost:${servicePort('gateway')}`).replace(/\/$/, '');
