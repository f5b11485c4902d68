import { findOrFail, publishChange, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { workshopEvents } from '../contract.ts';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';
import { appointmentFlow, assertSlotFree, checkReferences, checkTimes, normaliseBay, translateOverlaps } from './appointment.rules.ts';
import { appointmentSnapshot } from './appointment.snapshot.ts';

export interface Reschedule {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** Undefined keeps the current one, null clears it. */
  technicianId?: string | null;
  bay?: string | null;
}

/**
 * Moves a booked appointment: the same rules whoever asks (a person through `rescheduleAppointment`, or a
 * move made in Google Calendar): valid times, an active technician, a free slot. CONFLICT or
 * BAD_USER_INPUT otherwise, and nothing written.
 */
export function rescheduleAppointment(context: SubgraphContext, args: Reschedule): Promise<Appointment> {
  return translateOverlaps(() =>
    context.em.transactional(async (em) => {
      const current = await findOrFail(em, Appointment, 'Appointment', args.id);
      await appointmentFlow.assert('RESCHEDULE', current, undefined);
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
      const previous = {
        startsAt: current.startsAt.toISOString(),
        endsAt: current.endsAt.toISOString(),
        technicianId: current.technicianId ?? null,
        bay: current.bay ?? null,
      };
      em.assign(current, { startsAt: slot.startsAt, endsAt: slot.endsAt, technicianId: slot.technicianId ?? null, bay: slot.bay ?? null });
      await em.flush();
      await publishChange(context, em, workshopEvents['appointment.rescheduled'], current.id, { ...appointmentSnapshot(current), previous });
      return current;
    }),
  );
}

/** Cancels a booked appointment with a reason, freeing its technician and bay; CONFLICT when it is not booked (appointmentFlow). */
export function cancelAppointment(context: SubgraphContext, args: { id: string; reason: string }): Promise<Appointment> {
  return context.em.transactional(async (em: EntityManager) => {
    const current = await findOrFail(em, Appointment, 'Appointment', args.id);
    await appointmentFlow.assert('CANCEL', current, undefined);
    em.assign(current, { status: AppointmentStatus.CANCELLED, cancellationReason: args.reason.trim() });
    await em.flush();
    await publishChange(context, em, workshopEvents['appointment.cancelled'], current.id, appointmentSnapshot(current));
    return current;
  });
}
