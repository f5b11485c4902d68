import {
  ADMINS,
  availableActionType,
  badUserInput,
  conflict,
  defineStatusFlow,
  requireTenant,
  Role,
  type EntityManager,
  type FieldError,
  type SubgraphContext,
} from '@atelier/kit';
import { assertKnownCustomer } from '../customers/customer-projection.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { Vehicle } from '../vehicles/vehicle.entity.ts';
import { Appointment, AppointmentStatus } from './appointment.entity.ts';

const { BOOKED, CANCELLED } = AppointmentStatus;

/** Only a booked appointment moves or is cancelled; the times and slot of a move are its arguments, checked by the move. */
const APPOINTMENT_ACTIONS = {
  RESCHEDULE: { mutation: 'rescheduleAppointment', from: [BOOKED], to: BOOKED, description: 'Moved to another time, technician or bay' },
  CANCEL: { mutation: 'cancelAppointment', from: [BOOKED], to: CANCELLED, description: 'Cancelled, freeing its technician and bay' },
} as const;
const DONE_TO_IT: Record<keyof typeof APPOINTMENT_ACTIONS, string> = { RESCHEDULE: 'rescheduled', CANCEL: 'cancelled' };

/** Service advisors book and move appointments; partner apps may too. */
export const WRITE = [...ADMINS, Role.SERVICE_ADVISOR, Role.INTEGRATION];

/** The appointment's flow: what `availableActions` shows and the CONFLICT its mutations refuse with. */
export const appointmentFlow = defineStatusFlow<AppointmentStatus, keyof typeof APPOINTMENT_ACTIONS, Appointment>({
  statuses: Object.values(AppointmentStatus),
  actions: APPOINTMENT_ACTIONS,
  statusOf: (appointment) => appointment.status,
  notFrom: (status, action) => [{ field: 'status', message: `Only a booked appointment can be ${DONE_TO_IT[action]}; this one is ${status}` }],
  refuse: (reasons) => conflict(reasons.map((reason) => reason.message).join('; '), { fields: reasons }),
  roles: { RESCHEDULE: WRITE, CANCEL: WRITE },
});

export const { AvailableActionType: AppointmentAvailableAction } = availableActionType('Appointment', APPOINTMENT_ACTIONS);

/** The longest an appointment may last. */
export const MAX_DURATION_MS = 12 * 60 * 60 * 1000;

/** What decides whether an appointment fits: who, where, when. */
export interface Slot {
  id?: string;
  technicianId?: string | null;
  bay?: string | null;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
}

/** The exclusion constraints of the `appointments` migration and the field each one is about. */
const OVERLAP_CONSTRAINTS: Record<string, 'technicianId' | 'bay'> = {
  appointments_technician_no_overlap: 'technicianId',
  appointments_bay_no_overlap: 'bay',
};

const alreadyBooked = (fields: ('technicianId' | 'bay')[]) =>
  conflict(
    `The ${fields.map((field) => (field === 'bay' ? 'bay' : 'technician')).join(' and ')} ${fields.length > 1 ? 'are' : 'is'} already booked at that time`,
    {
      fields: fields.map((field) => ({ field, message: 'is already booked at that time' })),
    },
  );

/** Bays are named by the shop; surrounding spaces are not part of the name. */
export const normaliseBay = (bay: string | null | undefined) => (typeof bay === 'string' ? bay.trim() : bay);

/** An appointment ends after it starts, and lasts at most 12 hours. */
export function checkTimes(startsAt: Date, endsAt: Date): void {
  const fields: FieldError[] = [];
  if (endsAt.getTime() <= startsAt.getTime()) fields.push({ field: 'endsAt', message: 'must be after startsAt' });
  else if (endsAt.getTime() - startsAt.getTime() > MAX_DURATION_MS) fields.push({ field: 'endsAt', message: 'must be at most 12 hours after startsAt' });
  if (fields.length) throw badUserInput(fields);
}

/** The customer, vehicle and technician given must be of the caller's organization (only those given are checked). */
export async function checkReferences(
  em: EntityManager,
  context: SubgraphContext,
  refs: { customerId?: string | null; vehicleId?: string | null; technicianId?: string | null },
): Promise<void> {
  if (refs.vehicleId && !(await em.findOne(Vehicle, { id: refs.vehicleId }))) {
    throw badUserInput([{ field: 'vehicleId', message: 'is not a vehicle of your organization' }]);
  }
  if (refs.technicianId) {
    const technician = await em.findOne(Technician, { id: refs.technicianId });
    if (!technician) throw badUserInput([{ field: 'technicianId', message: 'is not a technician of your organization' }]);
    if (!technician.active) throw badUserInput([{ field: 'technicianId', message: 'is not active' }]);
  }
  if (refs.customerId) await assertKnownCustomer(em, requireTenant(context), refs.customerId, 'customerId');
}

/**
 * Refuses a booked slot that overlaps another booked appointment of the same technician or bay, with a
 * clear CONFLICT. Only the common case: two transactions checking at once both pass, and the exclusion
 * constraints then refuse the second (see `translateOverlaps`).
 */
export async function assertSlotFree(em: EntityManager, slot: Slot): Promise<void> {
  if (slot.status !== AppointmentStatus.BOOKED) return;
  const overlapping = {
    status: AppointmentStatus.BOOKED,
    startsAt: { $lt: slot.endsAt },
    endsAt: { $gt: slot.startsAt },
    ...(slot.id && { id: { $ne: slot.id } }),
  };
  const taken: ('technicianId' | 'bay')[] = [];
  if (slot.technicianId && (await em.count(Appointment, { ...overlapping, technicianId: slot.technicianId }))) taken.push('technicianId');
  if (slot.bay && (await em.count(Appointment, { ...overlapping, bay: slot.bay }))) taken.push('bay');
  if (taken.length) throw alreadyBooked(taken);
}

/** A write refused by an exclusion constraint (SQLSTATE 23P01) becomes the same CONFLICT as the check's. */
export async function translateOverlaps<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    const violation = exclusionViolation(error);
    if (!violation) throw error;
    const field = Object.entries(OVERLAP_CONSTRAINTS).find(([name]) => violation.includes(name))?.[1] ?? 'technicianId';
    throw alreadyBooked([field]);
  }
}

/** The constraint name and message of an exclusion violation, however the driver wrapped it; null otherwise. */
function exclusionViolation(error: unknown): string | null {
  for (
    let current = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    current = current.cause as typeof current, depth++
  ) {
    if (current.code === '23P01') return `${String(current.constraint ?? '')} ${String(current.message ?? '')}`;
  }
  return null;
}
