import {
  ADMINS,
  byKey,
  crudEventsOf,
  crudResolver,
  isUuid,
  loader,
  orderBy,
  requireTenant,
  Role,
  STAFF,
  type EntityManager,
  type SubgraphContext,
} from '@atelier/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { workshopEvents } from '../contract.ts';
import { Technician } from './technician.entity.ts';
import { technicianSnapshot } from './technician.snapshot.ts';
import { CreateTechnicianInput, TechnicianFilter, UpdateTechnicianInput } from './technician.inputs.ts';
import { assertKnownMember, isKnownMember } from './member-projection.ts';
import { UserRef } from './user.ref.ts';

const TechnicianOrderBy = orderBy('Technician', ['name', 'createdAt'], ['NAME_ASC']);

/** Skills are tags: trimmed, lower case, each once. */
function normaliseSkills<T extends { skills?: string[] }>(input: T): T {
  if (!input.skills) return { ...input };
  return { ...input, skills: [...new Set(input.skills.map((skill) => skill.trim().toLowerCase()).filter(Boolean))] };
}

/** A technician can only be linked to a member of its own organization. */
async function checkedUser<T extends { userId?: string | null }>(input: T, em: EntityManager, context: SubgraphContext): Promise<T> {
  if (input.userId) await assertKnownMember(em, requireTenant(context), input.userId);
  return input;
}

@Resolver(() => Technician)
export class TechnicianResolver extends crudResolver({
  entity: Technician,
  typeName: 'Technician',
  referencedAs: 'Technician',
  events: crudEventsOf(workshopEvents, 'technician'),
  snapshot: technicianSnapshot,
  filter: TechnicianFilter,
  orderBy: TechnicianOrderBy,
  createInput: CreateTechnicianInput,
  updateInput: UpdateTechnicianInput,
  searchColumns: ['name'],
  roles: { read: STAFF, write: [...ADMINS, Role.SERVICE_ADVISOR] },
  toCreateData: async (input, em, context) => normaliseSkills(await checkedUser({ ...input, name: input.name.trim() }, em, context)),
  toUpdateData: async (input, _technician, em, context) =>
    normaliseSkills(await checkedUser({ ...input, ...(input.name && { name: input.name.trim() }) }, em, context)),
}) {
  @FieldResolver(() => UserRef, { nullable: true, description: 'The user who is this technician (from identity)' })
  async user(@Root() technician: Technician, @Ctx() context: SubgraphContext): Promise<UserRef | null> {
    // only a member of the organization is pointed at: identity would not resolve anyone else, and a
    // reference it cannot resolve would fail the whole field instead of being null
    return technician.userId && (await isKnownMember(context, technician.userId)) ? { id: technician.userId } : null;
  }
}

/** Loads technicians by ID in one query per request (for `Appointment.technician`). */
export const technicianById = (context: SubgraphContext) =>
  loader<string, Technician | null>(context, 'technicianById', async (ids) =>
    byKey(ids, await context.em.find(Technician, { id: { $in: ids.filter(isUuid) } }), (technician) => technician.id),
  );

export const technicianReference = {
  __resolveReference: (reference: { id: string }, context: SubgraphContext) => technicianById(context).load(reference.id),
};
