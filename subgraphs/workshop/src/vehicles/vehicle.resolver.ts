import { randomUUID } from 'node:crypto';
import {
  ADMINS,
  badUserInput,
  crudEventsOf,
  crudResolver,
  groupBy,
  isUuid,
  loader,
  readMany,
  notFound,
  orderBy,
  publishChange,
  requireTenant,
  Role,
  STAFF,
  type EntityManager,
  type SubgraphContext,
  entityReference,
} from '@atelier/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { workshopEvents } from '../contract.ts';
import { assertKnownCustomer } from '../customers/customer-projection.ts';
import { CustomerRef } from '../customers/customer.ref.ts';
import { Vehicle } from './vehicle.entity.ts';
import { OdometerReading, OdometerSource } from './odometer-reading.entity.ts';
import { assertNotBackwards, lockVehicle, recordReading } from './odometer.ts';
import { CorrectMileageArgs, CreateVehicleInput, UpdateVehicleInput, VehicleFilter } from './vehicle.inputs.ts';
import { displayNameOf } from './display-name.ts';
import { publishVehicleUpdated } from './vehicle-events.ts';
import { vehicleSnapshot } from './vehicle.snapshot.ts';
import { VinDecodeStatus } from './vin-decode-status.ts';
import { needsVinDecoding } from './vin-fill.ts';

const WRITE = [...ADMINS, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.INTEGRATION];

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

/**
 * Without a VIN to fill them from, a vehicle is named by its make and model. `blame` is the field the error
 * names: the missing make and model (create), or the VIN whose clearing would leave them blank (update).
 */
function assertIdentifiable(vehicle: { vin?: string | null; make?: string | null; model?: string | null }, blame: 'make and model' | 'vin') {
  if (vehicle.vin) return;
  const missing = (['make', 'model'] as const).filter((name) => !vehicle[name]);
  if (missing.length === 0) return;
  if (blame === 'vin')
    throw badUserInput([{ field: 'vin', message: `cannot be cleared while the ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} blank` }]);
  throw badUserInput(missing.map((name) => ({ field: name, message: 'is required without a VIN' })));
}

/**
 * A new vehicle gets its ID here so its first reading can point at it, in the same transaction. With a VIN
 * and blank fields it is PENDING: integrations decodes the VIN and vinFill fills the blanks.
 */
async function createData(input: CreateVehicleInput, em: EntityManager, context: SubgraphContext) {
  const data = { ...(await checkedVehicleData(input, em, context)), id: randomUUID() };
  assertIdentifiable(data, 'make and model');
  if (typeof data.mileage === 'number') recordReading(em, context, { vehicleId: data.id, reading: data.mileage, source: OdometerSource.VEHICLE_CREATED });
  return { ...data, vinDecodeStatus: needsVinDecoding(data) ? VinDecodeStatus.PENDING : null, vinDecodeNote: null };
}

/** A new VIN is decoded again when something is blank; no VIN, nothing to decode. */
function vinDecodeStatusAfter(data: UpdateVehicleInput, current: Vehicle): Pick<Vehicle, 'vinDecodeStatus' | 'vinDecodeNote'> {
  if (data.vin === undefined || data.vin === current.vin) return {};
  const after = { ...current, ...Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) } as Vehicle;
  assertIdentifiable(after, 'vin');
  return { vinDecodeStatus: needsVinDecoding(after) ? VinDecodeStatus.PENDING : null, vinDecodeNote: null };
}

/** A changed mileage must not go back, and is recorded as a reading. */
async function updateData(input: UpdateVehicleInput, current: Vehicle, em: EntityManager, context: SubgraphContext) {
  const checked = await checkedVehicleData(input, em, context);
  const data = { ...checked, ...vinDecodeStatusAfter(checked, current) };
  if (data.mileage !== undefined && data.mileage !== current.mileage) {
    const locked = (await lockVehicle(em, current.id)) ?? current;
    assertNotBackwards(locked.mileage, data.mileage);
    if (typeof data.mileage === 'number' && data.mileage !== locked.mileage) {
      recordReading(em, context, { vehicleId: current.id, reading: data.mileage, source: OdometerSource.VEHICLE_UPDATED });
    }
  }
  return data;
}

@Resolver(() => Vehicle)
export class VehicleResolver extends crudResolver({
  entity: Vehicle,
  typeName: 'Vehicle',
  referencedAs: 'Vehicle',
  events: crudEventsOf(workshopEvents, 'vehicle'),
  snapshot: vehicleSnapshot,
  filter: VehicleFilter,
  orderBy: VehicleOrderBy,
  createInput: CreateVehicleInput,
  updateInput: UpdateVehicleInput,
  searchColumns: ['vin', 'plate', 'make', 'model'],
  roles: { read: STAFF, write: WRITE },
  toCreateData: createData,
  toUpdateData: updateData,
}) {
  @Authorized(WRITE)
  @Mutation(() => Vehicle, { description: 'Sets the mileage to a reading lower (or higher) than the last one, recording why; the only way back' })
  correctMileage(@Args(() => CorrectMileageArgs) args: CorrectMileageArgs, @Ctx() context: SubgraphContext): Promise<Vehicle> {
    return context.em.transactional(async (em) => {
      const vehicle = isUuid(args.vehicleId) ? await lockVehicle(em, args.vehicleId) : null;
      if (!vehicle) throw notFound('Vehicle', args.vehicleId);
      const previous = vehicle.mileage ?? null;
      const note = args.reason.trim();
      vehicle.mileage = args.reading;
      recordReading(em, context, { vehicleId: vehicle.id, reading: args.reading, source: OdometerSource.CORRECTION, note });
      await em.flush();
      await publishChange(context, em, workshopEvents['vehicle.mileageCorrected'], vehicle.id, {
        ...vehicleSnapshot(vehicle),
        previousMileage: previous,
        reason: note,
      });
      return vehicle;
    });
  }

  @Authorized(WRITE)
  @Mutation(() => Vehicle, {
    description:
      "Fills the vehicle's blank fields from its VIN again (after vPIC was unavailable, say): it turns PENDING until the decoding lands; nothing typed is overwritten",
  })
  decodeVehicleVin(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<Vehicle> {
    return context.em.transactional(async (em) => {
      const vehicle = isUuid(id) ? await lockVehicle(em, id) : null;
      if (!vehicle) throw notFound('Vehicle', id);
      if (vehicle.vinDecodeStatus === VinDecodeStatus.PENDING) return vehicle; // already asked
      if (!vehicle.vin) throw badUserInput([{ field: 'id', message: 'is a vehicle without a VIN' }]);
      if (!needsVinDecoding(vehicle)) throw badUserInput([{ field: 'id', message: 'is a vehicle with no blank field its VIN could fill' }]);
      vehicle.vinDecodeStatus = VinDecodeStatus.PENDING;
      vehicle.vinDecodeNote = null;
      await em.flush();
      await publishVehicleUpdated(context, em, vehicle, ['vinDecodeStatus', 'vinDecodeNote']);
      return vehicle;
    });
  }

  @FieldResolver(() => [OdometerReading], { description: 'Odometer readings, newest first; `mileage` is the first of them' })
  mileageHistory(@Root() vehicle: Vehicle, @Ctx() context: SubgraphContext): Promise<OdometerReading[]> {
    return loader<string, OdometerReading[]>(context, 'mileageHistoryByVehicle', async (vehicleIds) => {
      const rows = await readMany(
        context.em,
        OdometerReading,
        { vehicleId: { $in: vehicleIds.filter(isUuid) } },
        { orderBy: { recordedAt: 'desc', createdAt: 'desc' } },
      );
      return groupBy(vehicleIds, rows, (reading) => reading.vehicleId);
    }).load(vehicle.id);
  }

  @FieldResolver(() => String, { description: 'How people name the vehicle: "2019 Toyota Corolla"; its VIN (else plate) until its make and model are known' })
  displayName(@Root() vehicle: Vehicle): string {
    return displayNameOf(vehicle);
  }

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
      const rows = await readMany(context.em, Vehicle, { ownerId: { $in: ownerIds.filter(isUuid) } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
      return groupBy(ownerIds, rows, (vehicle) => vehicle.ownerId as string);
    }).load(customer.id);
  }
}

export const vehicleReference = entityReference(Vehicle);
