import {
  badUserInput,
  crudEventsOf,
  crudResolver,
  groupBy,
  isUuid,
  loader,
  orderBy,
  readMany,
  STAFF,
  type SubgraphContext,
  entityReference,
} from '@atelier/kit';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { workshopEvents } from '../contract.ts';
import { CustomerRef } from '../customers/customer.ref.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { technicianById } from '../technicians/technician.resolver.ts';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { vehicleReference } from '../vehicles/vehicle.resolver.ts';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';
import { AppointmentFilter, CancelAppointmentArgs, CreateAppointmentInput, RescheduleAppointmentArgs, UpdateAppointmentInput } from './appointment.inputs.ts';
import {
  appointmentFlow,
  AppointmentAvailableAction,
  WRITE,
  assertSlotFree,
  checkReferences,
  checkTimes,
  normaliseBay,
  translateOverlaps,
} from './appointment.rules.ts';
import { cancelAppointment, rescheduleAppointment } from './appointment.service.ts';
import { appointmentSnapshot } from './appointment.snapshot.ts';

const AppointmentOrderBy = orderBy('Appointment', ['startsAt', 'endsAt', 'bay', 'status', 'createdAt'], ['STARTS_AT_ASC']);

@Resolver(() => Appointment)
export class AppointmentResolver extends crudResolver({
  entity: Appointment,
  typeName: 'Appointment',
  events: crudEventsOf(workshopEvents, 'appointment'),
  snapshot: appointmentSnapshot,
  filter: AppointmentFilter,
  orderBy: AppointmentOrderBy,
  createInput: CreateAppointmentInput,
  updateInput: UpdateAppointmentInput,
  searchColumns: ['notes', 'bay'],
  roles: { read: STAFF, write: WRITE },
  toCreateData: async (input, em, context) => {
    const data = { ...input, bay: normaliseBay(input.bay), status: AppointmentStatus.BOOKED };
    checkTimes(data.startsAt, data.endsAt);
    await checkReferences(em, context, data);
    await assertSlotFree(em, data);
    return data;
  },
  toUpdateData: async (input, current, em, context) => {
    if (input.status === AppointmentStatus.CANCELLED)
      throw badUserInput([{ field: 'status', message: 'cannot be set here: use cancelAppointment with a reason' }]);
    const data = { ...input, ...(input.bay !== undefined && { bay: normaliseBay(input.bay) }) };
    const merged = { ...current, ...Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)), id: current.id } as Appointment;
    checkTimes(merged.startsAt, merged.endsAt);
    // only what changes is checked again: an appointment keeps its (since deactivated) technician
    await checkReferences(em, context, {
      customerId: input.customerId !== current.customerId ? input.customerId : undefined,
      vehicleId: input.vehicleId !== current.vehicleId ? input.vehicleId : undefined,
      technicianId: input.technicianId !== current.technicianId ? input.technicianId : undefined,
    });
    await assertSlotFree(em, merged);
    return data;
  },
}) {
  /** The exclusion constraints refuse what the check let through concurrently: the same CONFLICT. */
  override create(input: CreateAppointmentInput, context: SubgraphContext): Promise<Appointment> {
    return translateOverlaps(() => super.create(input, context));
  }

  override update(id: string, input: UpdateAppointmentInput, context: SubgraphContext): Promise<Appointment> {
    return translateOverlaps(() => super.update(id, input, context));
  }

  @Authorized(appointmentFlow.roles.RESCHEDULE)
  @Mutation(() => Appointment, { description: 'Moves a booked appointment, optionally to another technician or bay; refuses a slot already taken' })
  rescheduleAppointment(@Args(() => RescheduleAppointmentArgs) args: RescheduleAppointmentArgs, @Ctx() context: SubgraphContext): Promise<Appointment> {
    return rescheduleAppointment(context, args);
  }

  @Authorized(appointmentFlow.roles.CANCEL)
  @Mutation(() => Appointment, { description: 'Cancels a booked appointment, freeing its technician and bay' })
  cancelAppointment(@Args(() => CancelAppointmentArgs) args: CancelAppointmentArgs, @Ctx() context: SubgraphContext): Promise<Appointment> {
    return cancelAppointment(context, args);
  }

  @FieldResolver(() => [AppointmentAvailableAction], { description: 'Every action of the flow with whether the caller may take it now, and when not why' })
  availableActions(@Root() appointment: Appointment, @Ctx() context: SubgraphContext) {
    return appointmentFlow.available(appointment, undefined, context.caller);
  }

  @FieldResolver(() => CustomerRef, { nullable: true, description: 'The customer (from crm); null when it cannot be found any more' })
  customer(@Root() appointment: Appointment): CustomerRef {
    return { id: appointment.customerId };
  }

  @FieldResolver(() => Vehicle, { nullable: true })
  vehicle(@Root() appointment: Appointment, @Ctx() context: SubgraphContext): Promise<Vehicle | null> | null {
    return appointment.vehicleId ? vehicleReference.__resolveReference({ id: appointment.vehicleId }, context) : null;
  }

  @FieldResolver(() => Technician, { nullable: true })
  technician(@Root() appointment: Appointment, @Ctx() context: SubgraphContext): Promise<Technician | null> | null {
    return appointment.technicianId ? technicianById(context).load(appointment.technicianId) : null;
  }
}

/** `Customer.appointments`: one query for all the customers of a page. */
@Resolver(() => CustomerRef)
export class CustomerAppointmentsResolver {
  @FieldResolver(() => [Appointment], { description: "The customer's appointments, latest first" })
  appointments(@Root() customer: CustomerRef, @Ctx() context: SubgraphContext): Promise<Appointment[]> {
    return loader<string, Appointment[]>(context, 'appointmentsByCustomer', async (customerIds) => {
      const rows = await readMany(context.em, Appointment, { customerId: { $in: customerIds.filter(isUuid) } }, { orderBy: { startsAt: 'desc', id: 'asc' } });
      return groupBy(customerIds, rows, (appointment) => appointment.customerId);
    }).load(customer.id);
  }
}

export const appointmentReference = entityReference(Appointment);
