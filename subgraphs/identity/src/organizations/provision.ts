import { Role, scopeToTenant, type EntityManager } from '@atelier/kit';
import { joinOrganization } from '../memberships/join.ts';
import { hashPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';
import { Organization } from './organization.entity.ts';

export interface NewOrganization {
  name: string;
  slug?: string;
  owner: { email: string; name: string; password: string };
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'organization';

/** Creates an organization with its owner (an existing user of that email joins as owner), in a transaction of its own. */
export async function provisionOrganization(rootEm: EntityManager, input: NewOrganization): Promise<{ organization: Organization; owner: User }> {
  return rootEm.fork().transactional((em) => provisionOrganizationIn(em, input));
}

/**
 * The same inside the caller's transaction. An owner made here has a verified address unless
 * `unverified` (public sign-up): whoever runs it (the operator's CLI, the seed) vouches for it.
 */
export async function provisionOrganizationIn(
  em: EntityManager,
  input: NewOrganization & { unverified?: boolean },
): Promise<{ organization: Organization; owner: User }> {
  let slug = input.slug ?? slugify(input.name);
  if (await em.count(Organization, { slug })) slug = `${slug}-${Math.random().toString(36).slice(2, 8)}`;
  const organization = em.create(Organization, { name: input.name, slug });
  const email = input.owner.email.trim().toLowerCase();
  const owner =
    (await em.findOne(User, { email })) ??
    em.create(User, {
      email,
      name: input.owner.name,
      passwordHash: await hashPassword(input.owner.password),
      emailVerifiedAt: input.unverified ? null : new Date(),
    });
  await em.flush();
  scopeToTenant(em, organization.id);
  await joinOrganization(em, { userId: owner.id, role: Role.OWNER });
  return { organization, owner };
}
