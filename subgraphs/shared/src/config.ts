/**
 * Every setting comes from the environment with a safe development default, so `npm start` works on a
 * fresh machine. Production refuses to start with the development secrets (see `assertProductionSecrets`).
 */
const DEV_CONTEXT_SECRET = 'dev-only-context-secret-change-me';
const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';

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

export function assertProductionSecrets(): void {
  if (!isProduction()) return;
  for (const [name, value, dev] of [
    ['CONTEXT_SECRET', contextSecret(), DEV_CONTEXT_SECRET],
    ['JWT_SECRET', jwtSecret(), DEV_JWT_SECRET],
  ] as const) {
    if (value === dev || value.length < 32) throw new Error(`${name} must be set to a random value of at least 32 characters in production`);
  }
}

/** Default ports of the processes; each can be overridden by its environment variable. */
export const defaultPorts = {
  gateway: 4000,
  identity: 4101,
  crm: 4102,
  workshop: 4103,
  integrations: 4104,
  commerce: 4105,
  admin: 5173,
} as const;

export type ServiceName = keyof typeof defaultPorts;

export function servicePort(name: ServiceName): number {
  return envInt(`${name.toUpperCase()}_PORT`, defaultPorts[name]);
}

/** Where the gateway finds a subgraph: `<NAME>_URL`, or localhost on the subgraph's port. */
export function subgraphUrl(name: Exclude<ServiceName, 'gateway' | 'admin'>): string {
  return env(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${servicePort(name)}/graphql`);
}
