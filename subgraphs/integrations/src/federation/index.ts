import { defineFeature } from '@atelier/kit';
import { AppointmentRef, appointmentRefReference } from './appointment.ref.ts';
import { WorkOrderRef, workOrderRefReference } from './work-order.ref.ts';

/** workshop's appointments and work orders as integrations extends them (calendar, reminders, documents, signatures). */
export const workshopReferences = defineFeature({
  name: 'workshop-references',
  orphanedTypes: [AppointmentRef, WorkOrderRef],
  referenceResolvers: { Appointment: appointmentRefReference as never, WorkOrder: workOrderRefReference as never },
});
