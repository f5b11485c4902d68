import { randomUUID } from 'node:crypto';
import { defineConsumer, publish, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { readSecrets } from '../connections/connection.service.ts';
import { integrationsEvents } from '../contract.ts';
import { ProviderAuthError } from '../providers/adapter.ts';
import { publicUrl } from '../providers/endpoints.ts';
import { Provider, providerSlug } from '../providers/provider.ts';
import { CalendarEvent, CalendarEventState } from './calendar-event.entity.ts';
import { CalendarWatch } from './calendar-watch.entity.ts';
import { appointmentGone, lockAppointment, wantedEvent } from './calendar-links.ts';
import { calendarFor, callGoogle, eventHash, type GoogleCalendar, type GoogleEvent, instantOf } from './google-calendar.ts';

const WATCH_RENEWAL_DUE = integrationsEvents['calendarWatch.renewalDue'];
const PULL_QUEUE = 'integrations.calendar-pull';
/** A channel is replaced this long before Google closes it, so no change goes unnoticed in between. */
const RENEW_AHEAD_MS = 24 * 3600_000;

const sameInstant = (a: Date | string | null | undefined, b: Date) => a != null && new Date(a).getTime() === b.getTime();
const advisoryLock = (em: EntityManager, key: string) =>
  em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [key], 'run', em.getTransactionContext());

/**
 * Opens a push channel (`events.watch`) on the connection's calendar to our webhook URL, with the
 * connection's channel token (what google-webhook.ts checks), unless a live one is not yet due for
 * renewal; `force` after a (re)connection, whose grant brought a new token. The previous channel is
 * stopped, and the renewal is queued for a day before Google closes the new one.
 */
export async function openWatch(context: SubgraphContext, connectionId: string, force: boolean): Promise<void> {
  await context.em.transactional(async (em) => {
    await advisoryLock(em, `calendar-watch:${connectionId}`);
    const connection = await em.findOne(Connection, { id: connectionId, provider: Provider.GOOGLE });
    if (connection?.status !== ConnectionStatus.CONNECTED) return;
    const watch =
      (await em.findOne(CalendarWatch, { connectionId }, { refresh: true })) ?? em.create(CalendarWatch, { tenantId: connection.tenantId, connectionId });
    if (!force && watch.channelId && (watch.channelExpiresAt?.getTime() ?? 0) - Date.now() > RENEW_AHEAD_MS) return;
    const { extra } = await readSecrets(em, connection);
    if (!extra?.channelToken) throw new Error('The Google connection has no push channel token; reconnect Google');

    const calendar = await calendarFor(context, connectionId);
    const address = `${publicUrl()}/webhooks/${providerSlug(Provider.GOOGLE)}/${connectionId}`;
    const opened = await callGoogle(() =>
      calendar.events.watch({ calendarId: watch.calendarId, requestBody: { id: randomUUID(), type: 'web_hook', address, token: extra.channelToken } }),
    );
    if (!opened.ok) return;
    const previous = { id: watch.channelId, resourceId: watch.resourceId };
    const expiresAt = new Date(Number(opened.data.expiration) || Date.now() + 7 * 24 * 3600_000);
    Object.assign(watch, { channelId: opened.data.id, resourceId: opened.data.resourceId, channelExpiresAt: expiresAt });
    await em.flush();
    if (previous.id) await callGoogle(() => calendar.channels.stop({ requestBody: previous }), [404]).catch(() => undefined); // it expires anyway

    const renewal = {
      id: randomUUID(),
      name: WATCH_RENEWAL_DUE.name,
      version: WATCH_RENEWAL_DUE.version,
      tenantId: connection.tenantId,
      entityId: connectionId,
      occurredAt: new Date().toISOString(),
      data: {},
    };
    await context.bus.sendJob(PULL_QUEUE, renewal, { em, startAfterSeconds: Math.max(60, (expiresAt.getTime() - Date.now() - RENEW_AHEAD_MS) / 1000) });
  });
}

/** Every change since `syncToken` (every event, deleted ones too, without one); null: Google no longer knows the token (410). */
async function listChanges(calendar: GoogleCalendar, calendarId: string, syncToken: string | null | undefined) {
  const items: GoogleEvent[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const page = await callGoogle(
      () => calendar.events.list({ calendarId, maxResults: 250, pageToken, ...(syncToken ? { syncToken } : { showDeleted: true }) }),
      [410],
    );
    if (!page.ok) return null;
    items.push(...(page.data.items ?? []));
    if (!page.data.nextPageToken) return { items, nextSyncToken: page.data.nextSyncToken ?? null };
    pageToken = page.data.nextPageToken;
  }
}

/**
 * Reads what changed in the connection's calendar since the last sync token and takes in the changes
 * people made to our events. One sync per connection at a time. A token Google no longer accepts (410
 * Gone) means a full listing, reconciled through the mappings: nothing is created, so nothing doubles.
 */
export async function syncCalendar(context: SubgraphContext, connectionId: string): Promise<void> {
  await context.em.transactional(async (em) => {
    await advisoryLock(em, `calendar-sync:${connectionId}`);
    const connection = await em.findOne(Connection, { id: connectionId, provider: Provider.GOOGLE });
    if (connection?.status !== ConnectionStatus.CONNECTED) return;
    const watch = await em.findOne(CalendarWatch, { connectionId }, { refresh: true });
    if (!watch) return; // a calendar holding none of our events: nothing of ours can have changed
    const calendar = await calendarFor(context, connectionId);
    const listing = (await listChanges(calendar, watch.calendarId, watch.syncToken)) ?? (await listChanges(calendar, watch.calendarId, null));
    if (!listing) throw new Error('Google refused a full listing of the calendar');
    for (const item of listing.items) await takeInChange(em, connectionId, item);
    Object.assign(watch, { syncToken: listing.nextSyncToken, lastSyncedAt: new Date() });
    await em.flush();
  });
}

/**
 * One event as Google has it now. Ours are recognised by their mapping (others are people's own and left
 * alone); what matches what we last wrote or saw is our own write echoing back. A real change, a move or
 * a cancellation, goes to workshop, which applies it with its booking rules or refuses it.
 */
async function takeInChange(em: EntityManager, connectionId: string, item: GoogleEvent) {
  if (!item.id) return;
  const found = await em.findOne(CalendarEvent, { connectionId, eventId: item.id });
  if (!found) return;
  await lockAppointment(em, found.appointmentId);
  const link = await em.findOneOrFail(CalendarEvent, { id: found.id }, { refresh: true });
  const changed = (to: { startsAt: Date; endsAt: Date } | 'cancelled') => {
    Object.assign(link, { state: CalendarEventState.PENDING, lastError: null });
    const data =
      to === 'cancelled'
        ? { cancelled: true, startsAt: null, endsAt: null }
        : { cancelled: false, startsAt: to.startsAt.toISOString(), endsAt: to.endsAt.toISOString() };
    return publish(em, integrationsEvents['calendarEvent.changed'], {
      tenantId: link.tenantId,
      entityId: link.id,
      data: { appointmentId: link.appointmentId, eventId: link.eventId, ...data },
    });
  };

  if (item.status === 'cancelled') {
    if (link.googleCancelled || link.googleStartsAt == null) return; // our own deletion
    Object.assign(link, { googleCancelled: true, googleHash: null });
    if (!appointmentGone(link)) await changed('cancelled');
    return;
  }
  const startsAt = instantOf(item.start ?? undefined);
  const endsAt = instantOf(item.end ?? undefined);
  if (!startsAt || !endsAt) return;
  if (!link.googleCancelled && sameInstant(link.googleStartsAt, startsAt) && sameInstant(link.googleEndsAt, endsAt)) return; // our own write, or a change of no concern
  Object.assign(link, {
    googleStartsAt: startsAt,
    googleEndsAt: endsAt,
    googleCancelled: false,
    googleHash: eventHash(await wantedEvent(em, link, { startsAt, endsAt })),
    htmlLink: item.htmlLink ?? link.htmlLink,
  });
  const agrees = !appointmentGone(link) && sameInstant(link.appointment.startsAt, startsAt) && sameInstant(link.appointment.endsAt, endsAt);
  if (!agrees) await changed({ startsAt, endsAt });
}

/**
 * Follows the calendars that hold our events: a channel (opened by the first push, renewed, re-opened on
 * reconnection), and an incremental sync on each push notification Google sends us (stored and verified
 * by the webhook inbox).
 */
export const calendarPull = defineConsumer({
  queue: PULL_QUEUE,
  events: [integrationsEvents['connection.connected'], integrationsEvents['inboundEvent.processed'], WATCH_RENEWAL_DUE],
  async handle(event, context: SubgraphContext) {
    try {
      if (event.name === 'integrations.connection.connected') {
        if (event.data.provider !== Provider.GOOGLE) return;
        // connected again: the grant brought a new channel token, which the open channel does not carry
        if (!(await context.em.findOne(CalendarWatch, { connectionId: event.entityId }))) return;
        await openWatch(context, event.entityId, true);
        await syncCalendar(context, event.entityId);
      } else if (event.name === WATCH_RENEWAL_DUE.name) {
        await openWatch(context, event.entityId, false);
      } else if (event.data.provider === Provider.GOOGLE && event.data.type.startsWith('push.')) {
        await syncCalendar(context, event.data.connectionId);
      }
    } catch (error) {
      if (error instanceof ProviderAuthError) return; // the connection now asks for a reconnection
      throw error;
    }
  },
});
