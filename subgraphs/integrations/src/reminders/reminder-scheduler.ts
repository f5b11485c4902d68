import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { defineConsumer, publishChange, type EntityManager, type EventEnvelope, type Static, type SubgraphContext } from '@atelier/kit';
import { workshopEvents, type AppointmentSnapshot } from '@atelier/workshop/contract';
import { integrationsEvents, type ScheduledMessageSnapshot } from '../contract.ts';
import { ScheduledMessage, ScheduledMessageStatus } from './scheduled-message.entity.ts';
import { reminderSettings } from './reminder-settings.entity.ts';

export const SEND_QUEUE = 'integrations.reminders.send';
/** The job name of a send (a job of our own queue, shaped like an event; not a domain event). */
const SEND_JOB = 'integrations.scheduledMessage.send';
export const MESSAGE_EVENTS = 'integrations.scheduledMessage';

/** Statuses a reminder can still be (re)planned from: nothing went out. SENDING, SENT and FAILED are final. */
const REPLANNABLE = new Set([ScheduledMessageStatus.PENDING, ScheduledMessageStatus.CANCELLED, ScheduledMessageStatus.SKIPPED]);

/** The advisory lock a settings change holds exclusively while it moves the waiting reminders. */
export const settingsLockKey = (tenantId: string) => `reminder-settings:${tenantId}`;

/** When a reminder for an appointment at `startsAt` is due: the lead time before it, or now when that has passed. */
export const dueAt = (startsAt: Date, leadTimeMinutes: number, now = new Date()) =>
  new Date(Math.max(startsAt.getTime() - leadTimeMinutes * 60_000, now.getTime()));

/** Queues a send of the message at its `sendAt`, on the caller's transaction. A job that finds it not due (moved, sent) does nothing. */
export async function queueSend(context: SubgraphContext, em: EntityManager, message: ScheduledMessage): Promise<void> {
  const job: EventEnvelope = { id: randomUUID(), name: SEND_JOB, tenantId: message.tenantId, entityId: message.id, occurredAt: new Date().toISOString() };
  await context.bus.sendJob(SEND_QUEUE, job, { em, startAfterSeconds: Math.max(0, (message.sendAt.getTime() - Date.now()) / 1000) });
}

/** The one mapping from a scheduled message's storage to the contract. */
export const messageData = (message: ScheduledMessage): Static<typeof ScheduledMessageSnapshot> => ({
  appointmentId: message.appointmentId,
  customerId: message.customerId,
  status: message.status,
  sendAt: message.sendAt.toISOString(),
  channel: message.channel ?? null,
  error: message.error ?? null,
});

/** Where the reminder of this appointment should stand, given the appointment as announced. */
function plan(
  appointment: Static<typeof AppointmentSnapshot> | null,
  leadTimeMinutes: number,
  now: Date,
): { status: ScheduledMessageStatus; sendAt?: Date; error: string | null } {
  if (!appointment) return { status: ScheduledMessageStatus.CANCELLED, error: 'The appointment was deleted' };
  if (appointment.status !== 'BOOKED')
    return { status: ScheduledMessageStatus.CANCELLED, error: `The appointment is ${appointment.status.toLowerCase().replace('_', ' ')}` };
  const startsAt = new Date(appointment.startsAt);
  if (startsAt <= now) return { status: ScheduledMessageStatus.SKIPPED, error: 'The appointment had already started' };
  return { status: ScheduledMessageStatus.PENDING, sendAt: dueAt(startsAt, leadTimeMinutes, now), error: null };
}

/**
 * Keeps each appointment's reminder in step with workshop's events: booked -> planned (or moved, while
 * not sent), cancelled, completed or deleted -> cancelled. Events come at least once and maybe out of
 * order: the row remembers the time of the last event applied and ignores older ones; a cancellation
 * that comes first leaves a CANCELLED row the late creation cannot revive.
 */
export const reminderScheduler = defineConsumer({
  queue: 'integrations.reminders.schedule',
  events: [
    workshopEvents['appointment.created'],
    workshopEvents['appointment.updated'],
    workshopEvents['appointment.rescheduled'],
    workshopEvents['appointment.cancelled'],
    workshopEvents['appointment.deleted'],
  ],
  async handle(event, context: SubgraphContext) {
    const snapshot = event.data;
    // a deleted appointment's payload is how it was: who and when, but nothing to remind of
    const appointment = event.name === 'workshop.appointment.deleted' ? null : snapshot;
    const changedAt = new Date(event.occurredAt);
    await context.em.transactional(async (em) => {
      // shared with other events, exclusive against a settings change: a plan never uses a lead time being replaced
      await em
        .getConnection()
        .execute('select pg_advisory_xact_lock_shared(hashtext(?))', [settingsLockKey(event.tenantId)], 'run', em.getTransactionContext());
      const settings = await reminderSettings(em);
      const now = new Date();
      const existing = await em.findOne(ScheduledMessage, { appointmentId: event.entityId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (existing && existing.appointmentChangedAt > changedAt) return; // a newer event was applied already
      const facts = {
        customerId: snapshot.customerId,
        vehicleId: snapshot.vehicleId,
        appointmentStartsAt: new Date(snapshot.startsAt),
        appointmentStatus: appointment ? appointment.status : 'DELETED',
      };
      const next = plan(appointment, settings.leadTimeMinutes, now);

      if (!existing) {
        // a cancellation or deletion heard first still leaves a CANCELLED row, so the late creation changes nothing
        const created = em.create(ScheduledMessage, {
          tenantId: event.tenantId,
          appointmentId: event.entityId,
          ...facts,
          appointmentChangedAt: changedAt,
          status: next.status,
          sendAt: next.sendAt ?? now,
          error: next.error,
        });
        await em.flush();
        if (created.status === ScheduledMessageStatus.PENDING) await queueSend(context, em, created);
        await publishChange(context, em, integrationsEvents['scheduledMessage.created'], created.id, messageData(created));
        return;
      }

      const before = { status: existing.status, sendAt: existing.sendAt.getTime() };
      Object.assign(existing, { ...facts, appointmentChangedAt: changedAt });
      if (REPLANNABLE.has(existing.status)) Object.assign(existing, { status: next.status, error: next.error, ...(next.sendAt && { sendAt: next.sendAt }) });
      await em.flush();
      const replanned = existing.status !== before.status || existing.sendAt.getTime() !== before.sendAt;
      if (existing.status === ScheduledMessageStatus.PENDING && replanned) await queueSend(context, em, existing);
      if (replanned) await publishChange(context, em, integrationsEvents['scheduledMessage.updated'], existing.id, messageData(existing));
    });
  },
});

/** A new lead time moves every reminder of the organization that is still waiting, inside the settings' transaction. */
export async function rescheduleTenantReminders(context: SubgraphContext, em: EntityManager, leadTimeMinutes: number): Promise<void> {
  const now = new Date();
  const pending = await em.find(
    ScheduledMessage,
    { status: ScheduledMessageStatus.PENDING, appointmentStartsAt: { $gt: now } },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  for (const message of pending) message.sendAt = dueAt(message.appointmentStartsAt, leadTimeMinutes, now);
  await em.flush();
  for (const message of pending) {
    await queueSend(context, em, message);
    await publishChange(context, em, integrationsEvents['scheduledMessage.updated'], message.id, messageData(message));
  }
}
