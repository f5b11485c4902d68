import {
  ADMINS, badUserInput, conflict, crudResolver, findOrFail, groupBy, isUuid, loader, orderBy, publishChange, Role, STAFF, type SubgraphContext,
} from '@atelier/kit';
import { wrap } from '@mikro-orm/core';
import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CustomerRef } from '../customers/customer.ref.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { technicianById } from '../technicians/technician.resolver.ts';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { vehicleReference } from '../vehicles/vehicle.resolver.ts';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';
import { AppointmentFilter, CancelAppointmentArgs, CreateAppointmentInput, RescheduleAppointmentArgs, UpdateAppointmentInput } from './appointment.inputs.ts';
import { assertSlotFree, checkReferences, checkTimes, normaliseBay, translateOverlaps } from './appointment.rules.ts';

const AppointmentOrderBy = orderBy('Appointment', ['startsAt', 'endsAt', 'bay', 'status', 'createdAt'], ['STARTS_AT_ASC']);
const WRITE = [...ADMINS, Role.SERVICE_ADVISOR, Role.INTEGRATION];

/** The appointment as event data, without the tenant (the envelope carries it). */
function snapshot(appointment: Appointment): Record<string, unknown> {
  const { tenantId: _tenant, ...rest } = wrap(appointment).toObject() as Record<string, unknown>;
  return rest;
}

@Resolver(() => Appointment)
export class AppointmentResolver extends crudResolver({
  entity: Appointment,
  typeName: 'Appointment',
  events: 'workshop.appointment',
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
    if (input.status === AppointmentStatus.CANCELLED) throw badUserInput([{ field: 'status', message: 'cannot be set here: use cancelAppointment with a reason' }]);
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

  @Authorized(WRITE)
  @Mutation(() => Appointment, { description: 'Moves a booked appointment, optionally to another technician or bay; refuses a slot already taken' })
  rescheduleAppointment(@Args(() => RescheduleAppointmentArgs) args: RescheduleAppointmentArgs, @Ctx() context: SubgraphContext): Promise<Appointment> {
    return translateOverlaps(() =>
      context.em.transactional(async (em) => {
        const current = await findOrFail(em, Appointment, 'Appointment', args.id);
        if (current.status !== AppointmentStatus.BOOKED) throw conflict(`Only a booked appointment can be rescheduled; this one is ${current.status}`);
        const slot = {
          id: current.id,
          status: current.status,
          startsAt: args.startsAt,
          endsAt: args.endsAt,
          technicianId: args.technicianId === undefined ? current.technicianId : args.technicianId,
          bay: args.bay === undefined ? current.bay : normaliseBay(args.bay),
        };
        checkTimes(slot.startsAt, slot.endsAt);
        if (slot.technicianId !== current.technicianId) await checkReferences(em, context, { technicianId: slot.technicianId });
        await assertSlotFree(em, slot);
        const previous = { startsAt: current.startsAt, endsAt: current.endsAt, technicianId: current.technicianId ?? null, bay: current.bay ?? null };
        em.assign(current, { startsAt: slot.startsAt, endsAt: slot.endsAt, technicianId: slot.technicianId ?? null, bay: slot.bay ?? null });
        await em.flush();
        await publishChange(context, em, 'workshop.appointment.rescheduled', current.id, { ...snapshot(current), previous });
        return current;
      }),
    );
  }

  @Authorized(WRITE)
  @Mutation(() => Appointment, { description: 'Cancels a booked appointment, freeing its technician and bay' })
  cancelAppointment(@Args(() => CancelAppointmentArgs) args: CancelAppointmentArgs, @Ctx() context: SubgraphContext): Promise<Appointment> {
    return context.em.transactional(async (em) => {
      const current = await findOrFail(em, Appointment, 'Appointment', args.id);
      if (current.status !== AppointmentStatus.BOOKED) throw conflict(`Only a booked appointment can be cancelled; this one is ${current.status}`);
      em.assign(current, { status: AppointmentStatus.CANCELLED, cancellationReason: args.reason.trim() });
      await em.flush();
      await publishChange(context, em, 'workshop.appointment.cancelled', current.id, snapshot(current));
      return current;
    });
  }

  @FieldResolver(() => CustomerRef, { description: 'The customer (from crm)' })
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
      const rows = await context.em.find(Appointment, { customerId: { $in: customerIds.filter(isUuid) } }, { orderBy: { startsAt: 'desc', id: 'asc' } });
      return groupBy(customerIds, rows, (appointment) => appointment.customerId);
    }).load(customer.id);
  }
}

export const appointmentReference = {
  __resolveReference: (reference: { id: string }, context: SubgraphContext) =>
    isUuid(reference.id) ? context.em.findOne(Appointment, { id: reference.id }) : null,
};
