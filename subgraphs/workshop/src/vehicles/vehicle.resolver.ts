import {
  ADMINS, byKey, crudResolver, groupBy, isUuid, loader, orderBy, requireTenant, Role, STAFF, type EntityManager, type SubgraphContext,
} from '@atelier/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assertKnownCustomer } from '../customers/customer-projection.ts';
import { CustomerRef } from '../customers/customer.ref.ts';
import { Vehicle } from './vehicle.entity.ts';
import { CreateVehicleInput, UpdateVehicleInput, VehicleFilter } from './vehicle.inputs.ts';

const VehicleOrderBy = orderBy('Vehicle', ['make', 'model', 'year', 'plate', 'mileage', 'createdAt', 'updatedAt']);

/** VINs and plates are stored as shops read them: upper case, no surrounding spaces. */
function normalise<T extends { vin?: string | null; plate?: string | null }>(input: T): T {
  return {
    ...input,
    ...(typeof input.vin === 'string' && { vin: input.vin.trim().toUpperCase() }),
    ...(typeof input.plate === 'string' && { plate: input.plate.trim().toUpperCase() }),
  };
}

/** A vehicle's owner must be a customer of the same organization. */
async function checkedVehicleData<T extends CreateVehicleInput | UpdateVehicleInput>(input: T, em: EntityManager, context: SubgraphContext): Promise<T> {
  if (input.ownerId) await assertKnownCustomer(em, requireTenant(context), input.ownerId);
  return normalise({ ...input });
}

@Resolver(() => Vehicle)
export class VehicleResolver extends crudResolver({
  entity: Vehicle,
  typeName: 'Vehicle',
  events: 'workshop.vehicle',
  filter: VehicleFilter,
  orderBy: VehicleOrderBy,
  createInput: CreateVehicleInput,
  updateInput: UpdateVehicleInput,
  searchColumns: ['vin', 'plate', 'make', 'model'],
  roles: { read: STAFF, write: [...ADMINS, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.INTEGRATION] },
  toCreateData: (input, em, context) => checkedVehicleData(input, em, context),
  toUpdateData: (input, _vehicle, em, context) => checkedVehicleData(input, em, context),
}) {
  @FieldResolver(() => CustomerRef, { nullable: true, description: 'The owning customer (from crm)' })
  owner(@Root() vehicle: Vehicle): CustomerRef | null {
    return vehicle.ownerId ? { id: vehicle.ownerId } : null;
  }
}

/** `Customer.vehicles`: one query for all the customers of a page, however many there are. */
@Resolver(() => CustomerRef)
export class CustomerVehiclesResolver {
  @FieldResolver(() => [Vehicle], { description: "The customer's vehicles, newest first" })
  vehicles(@Root() customer: CustomerRef, @Ctx() context: SubgraphContext): Promise<Vehicle[]> {
    return loader<string, Vehicle[]>(context, 'vehiclesByOwner', async (ownerIds) => {
      const rows = await context.em.find(Vehicle, { ownerId: { $in: ownerIds.filter(isUuid) } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
      return groupBy(ownerIds, rows, (vehicle) => vehicle.ownerId as string);
    }).load(customer.id);
  }
}

export const vehicleReference = {
  __resolveReference: (reference: { id: string }, context: SubgraphContext) =>
    loader<string, Vehicle | null>(context, 'vehicleById', async (ids) =>
      byKey(ids, await context.em.find(Vehicle, { id: { $in: ids.filter(isUuid) } }), (vehicle) => vehicle.id),
    ).load(reference.id),
};
