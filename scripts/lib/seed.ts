import { env, isProduction, StartupError, type EntityManager } from '@atelier/kit';
import { provisionOrganization } from '../../subgraphs/identity/src/subgraph.ts';
import { Organization } from '../../subgraphs/identity/src/organizations/organization.entity.ts';

/** The public password of the demo owner (in the README): fine on a laptop, never in production. */
const PUBLIC_DEMO_PASSWORD = 'atelier-demo';

export const isPublicDemoPassword = (password: string) => password === PUBLIC_DEMO_PASSWORD;

/** The demo owner's credentials (also in the README); change them with the environment on shared machines. */
export const demoOwner = () => ({
  email: env('DEMO_OWNER_EMAIL', 'owner@atelier.local'),
  password: env('DEMO_OWNER_PASSWORD', PUBLIC_DEMO_PASSWORD),
});

/**
 * Whether this start seeds the demo organization: in development on the first start; in production only
 * when asked (`SEED_DEMO=true`), with a password of the operator's own, since a public one would be an
 * open door.
 */
export function demoSeedWanted(): boolean {
  if (!isProduction()) return true;
  if (process.env.SEED_DEMO !== 'true') return false;
  if (isPublicDemoPassword(demoOwner().password)) {
    throw new StartupError('SEED_DEMO=true in production needs DEMO_OWNER_PASSWORD set to a password of your own (the default one is public).');
  }
  return true;
}

/** On the first start only: a demo organization with its owner. Returns the credentials when it seeded. */
export async function seedDemo(em: EntityManager): Promise<{ email: string; password: string } | null> {
  if (await em.fork().count(Organization, {})) return null;
  const owner = demoOwner();
  await provisionOrganization(em, { name: 'Demo Motors', slug: 'demo-motors', owner: { ...owner, name: 'Demo Owner' } });
  return owner;
}
