import { ADMINS, byKey, crudResolver, isUuid, loader, orderBy, Role, STAFF, type SubgraphContext } from '@atelier/kit';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Technician } from './technician.entity.ts';
import { CreateTechnicianInput, TechnicianFilter, UpdateTechnicianInput } from './technician.inputs.ts';
import { UserRef } from './user.ref.ts';

const TechnicianOrderBy = orderBy('Technician', ['name', 'createdAt'], ['NAME_ASC']);

/** Skills are tags: trimmed, lower case, each once. */
function normaliseSkills<T extends { skills?: string[] }>(input: T): T {
  if (!input.skills) return { ...input };
  return { ...input, skills: [...new Set(input.skills.map((skill) => skill.trim().toLowerCase()).filter(Boolean))] };
}

@Resolver(() => Technician)
export class TechnicianResolver extends crudResolver({
  entity: Technician,
  typeName: 'Technician',
  events: 'workshop.technician',
  filter: TechnicianFilter,
  orderBy: TechnicianOrderBy,
  createInput: CreateTechnicianInput,
  updateInput: UpdateTechnicianInput,
  searchColumns: ['name'],
  roles: { read: STAFF, write: [...ADMINS, Role.SERVICE_ADVISOR] },
  toCreateData: (input) => normaliseSkills({ ...input, name: input.name.trim() }),
  toUpdateData: (input) => normaliseSkills({ ...input, ...(input.name && { name: input.name.trim() }) }),
}) {
  @FieldResolver(() => UserRef, { nullable: true, description: 'The user who is this technician (from identity)' })
  user(@Root() technician: Technician): UserRef | null {
    return technician.userId ? { id: technician.userId } : null;
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
