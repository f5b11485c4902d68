import { env, type EntityManager } from '@atelier/kit';
import { provisionOrganization } from '../../subgraphs/identity/src/subgraph.ts';
import { Organization } from '../../subgraphs/identity/src/organizations/organization.entity.ts';

/** The demo owner's credentials (also in the README); change them with the environment on shared machines. */
export const demoOwner = () => ({
  email: env('DEMO_OWNER_EMAIL', 'owner@atelier.local'),
  password: env('DEMO_OWNER_PASSWORD', 'atelier-demo'),
});

/** On the first start only: a demo organization with its owner. Returns the credentials when it seeded. */
export async function seedDemo(em: EntityManager): Promise<{ email: string; password: string } | null> {
  if (await em.fork().count(Organization, {})) return null;
  const owner = demoOwner();
  await provisionOrganization(em, { name: 'Demo Motors', slug: 'demo-motors', owner: { ...owner, name: 'Demo Owner' } });
  return owner;
}
