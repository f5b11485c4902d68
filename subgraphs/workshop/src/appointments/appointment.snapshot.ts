import { type Static } from '@atelier/kit';
import { type AppointmentSnapshot } from '../contract.ts';
import { type Appointment } from './appointment.entity.ts';

/** The one mapping from workshop's storage to its contract. */
export const appointmentSnapshot = (appointment: Appointment): Static<typeof AppointmentSnapshot> => ({
  id: appointment.id,
  customerId: appointment.customerId,
  vehicleId: appointment.vehicleId ?? null,
  technicianId: appointment.technicianId ?? null,
  bay: appointment.bay ?? null,
  startsAt: appointment.startsAt.toISOString(),
  endsAt: appointment.endsAt.toISOString(),
  status: appointment.status,
  notes: appointment.notes ?? null,
  cancellationReason: appointment.cancellationReason ?? null,
  createdAt: appointment.createdAt.toISOString(),
  updatedAt: appointment.updatedAt.toISOString(),
});
