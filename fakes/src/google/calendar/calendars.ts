import { type OAuthUser } from '../../oauth/types.ts';
import { idSequence } from '../../server.ts';
import { GoogleApiError, invalid, notFound, required } from '../errors.ts';

/** An event as Calendar v3 returns it. */
export type EventResource = Record<string, unknown> & { id: string; status: string; updated: string; sequence: number };

interface StoredEvent {
  resource: EventResource;
  /** Position in the fake's change sequence: what sync tokens count. */
  changeSeq: number;
  deleted: boolean;
}

export interface Calendar {
  id: string;
  ownerEmail: string;
  summary: string;
  timeZone: string;
  events: Map<string, StoredEvent>;
}

export interface CalendarStoreOptions {
  clock: () => number;
  /** Whose `primary` calendar the control API means. */
  defaultUser: OAuthUser;
}

const SYSTEM_FIELDS = new Set(['kind', 'etag', 'id', 'htmlLink', 'created', 'updated', 'creator', 'organizer', 'iCalUID', 'sequence']);
/** Client-chosen event IDs (idempotent inserts) are base32hex, 5 to 1024 characters. */
const EVENT_ID = /^[a-v0-9]{5,1024}$/;
/** Parameters Google refuses next to a syncToken. */
const SYNC_TOKEN_RESTRICTIONS = ['timeMin', 'timeMax', 'updatedMin', 'q', 'orderBy', 'iCalUID', 'privateExtendedProperty', 'sharedExtendedProperty'];

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const userFields = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([key]) => !SYSTEM_FIELDS.has(key)));

/** Patch semantics: objects merge, anything else (arrays included) replaces, null clears. */
function merged(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const result = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = isPlainObject(value) && isPlainObject(base[key]) ? merged(base[key], value) : value;
  }
  return result;
}

function instant(time: unknown, field: 'start' | 'end'): number {
  const text = isPlainObject(time) ? (time.dateTime ?? time.date) : undefined;
  if (typeof text !== 'string') throw required(`Missing ${field} time.`);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw invalid(`Invalid ${field} time.`);
  return ms;
}

function checkTimes(resource: Record<string, unknown>) {
  if (instant(resource.end, 'end') < instant(resource.start, 'start')) throw new GoogleApiError(400, 'timeRangeEmpty', 'The specified time range is empty.');
}

const encodeToken = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
function decodeToken(token: string): unknown[] | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return Array.isArray(parts) ? parts : undefined;
  } catch {
    return undefined;
  }
}

/** Every user's calendars and their events, with the change sequence that incremental sync reads. */
export function createCalendarStore(options: CalendarStoreOptions) {
  const calendars = new Map<string, Calendar>();
  const ids = { event: idSequence('fakeevent', 12), calendar: idSequence('c_fake', 12) };
  let changeSeq = 0;
  /** Sync tokens carry the generation they were issued in; bumping it makes every older token stale (410). */
  let syncGeneration = 1;
  const now = () => new Date(options.clock()).toISOString();

  function primaryOf(user: OAuthUser): Calendar {
    let calendar = calendars.get(user.email);
    if (!calendar) {
      calendar = { id: user.email, ownerEmail: user.email, summary: user.email, timeZone: 'UTC', events: new Map() };
      calendars.set(calendar.id, calendar);
    }
    return calendar;
  }

  /** The calendar `calendarId` names for `user` (`primary` is theirs); other people's calendars are not found. */
  function calendarOf(user: OAuthUser, calendarId: string): Calendar {
    if (calendarId === 'primary' || calendarId === user.email) return primaryOf(user);
    const calendar = calendars.get(calendarId);
    if (!calendar || calendar.ownerEmail !== user.email) throw notFound();
    return calendar;
  }

  const calendarResource = (calendar: Calendar) => ({
    kind: 'calendar#calendar',
    etag: `"${Buffer.from(calendar.id).toString('base64url')}"`,
    id: calendar.id,
    summary: calendar.summary,
    timeZone: calendar.timeZone,
  });

  function insertCalendar(user: OAuthUser, input: Record<string, unknown>) {
    if (typeof input.summary !== 'string' || !input.summary) throw required('Missing summary.');
    const calendar: Calendar = {
      id: `${ids.calendar.next()}@group.calendar.google.com`,
      ownerEmail: user.email,
      summary: input.summary,
      timeZone: typeof input.timeZone === 'string' ? input.timeZone : 'UTC',
      events: new Map(),
    };
    calendars.set(calendar.id, calendar);
    return calendarResource(calendar);
  }

  function changed(stored: StoredEvent) {
    stored.changeSeq = ++changeSeq;
    stored.resource.updated = now();
    stored.resource.etag = `"3${String(changeSeq).padStart(15, '0')}"`;
    return structuredClone(stored.resource);
  }

  function storedEvent(calendar: Calendar, eventId: string): StoredEvent {
    const stored = calendar.events.get(eventId);
    if (!stored) throw notFound();
    return stored;
  }

  function insertEvent(calendar: Calendar, user: OAuthUser, input: Record<string, unknown>) {
    const id = input.id ?? ids.event.next();
    if (typeof id !== 'string' || !EVENT_ID.test(id)) throw invalid('Invalid resource id value.');
    if (calendar.events.has(id)) throw new GoogleApiError(409, 'duplicate', 'The requested identifier already exists.');
    const created = now();
    const resource = {
      status: 'confirmed',
      reminders: { useDefault: true },
      eventType: 'default',
      ...userFields(input),
      kind: 'calendar#event',
      etag: '',
      id,
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${calendar.id}`).toString('base64url')}`,
      created,
      updated: created,
      creator: { email: user.email, self: true },
      organizer: { email: calendar.id, displayName: calendar.summary, self: true },
      iCalUID: `${id}@google.com`,
      sequence: 0,
    } as EventResource;
    checkTimes(resource);
    const stored: StoredEvent = { resource, changeSeq: 0, deleted: false };
    calendar.events.set(id, stored);
    return changed(stored);
  }

  /** `replace` is a PUT (user fields replaced), otherwise a PATCH (merged); moving an event bumps its sequence. */
  function updateEvent(calendar: Calendar, eventId: string, input: Record<string, unknown>, mode: 'replace' | 'patch') {
    const stored = storedEvent(calendar, eventId);
    const before = stored.resource;
    const system = Object.fromEntries(Object.entries(before).filter(([key]) => SYSTEM_FIELDS.has(key)));
    const after = (mode === 'replace' ? { status: 'confirmed', ...userFields(input), ...system } : merged(before, userFields(input))) as EventResource;
    checkTimes(after);
    const moved = JSON.stringify([before.start, before.end]) !== JSON.stringify([after.start, after.end]);
    after.sequence = before.sequence + (moved ? 1 : 0);
    stored.resource = after;
    stored.deleted = after.status === 'cancelled';
    return changed(stored);
  }

  function deleteEvent(calendar: Calendar, eventId: string) {
    const stored = storedEvent(calendar, eventId);
    if (stored.deleted) throw new GoogleApiError(410, 'deleted', 'Resource has been deleted');
    stored.deleted = true;
    stored.resource.status = 'cancelled';
    changed(stored);
  }

  /** What a list shows of an event: deleted ones only as `{ id, status: 'cancelled' }`. */
  const listView = (stored: StoredEvent) => {
    const { kind, etag, id, status, updated } = stored.resource;
    return stored.deleted ? { kind, etag, id, status, updated } : structuredClone(stored.resource);
  };

  function sinceOf(calendar: Calendar, syncToken: string): number {
    const [generation, seq, calendarId] = decodeToken(syncToken) ?? [];
    if (generation === syncGeneration && calendarId === calendar.id && typeof seq === 'number') return seq;
    throw new GoogleApiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
  }

  /** Later pages list the same snapshot, so the last page's `nextSyncToken` counts from where the listing began. */
  function pageOf(pageToken: string): [number, number] {
    const [offset, snapshot] = decodeToken(pageToken) ?? [];
    if (typeof offset === 'number' && typeof snapshot === 'number') return [offset, snapshot];
    throw invalid('Invalid page token value.', 'pageToken');
  }

  function matchesFullListing(stored: StoredEvent, params: URLSearchParams): boolean {
    const { resource } = stored;
    const timeMin = params.get('timeMin');
    const timeMax = params.get('timeMax');
    const updatedMin = params.get('updatedMin');
    const q = params.get('q')?.toLowerCase();
    const extended = [
      ...params.getAll('privateExtendedProperty').map((pair) => ['private', pair] as const),
      ...params.getAll('sharedExtendedProperty').map((pair) => ['shared', pair] as const),
    ];
    const properties = (scope: 'private' | 'shared') => (resource.extendedProperties as Record<string, Record<string, string>> | undefined)?.[scope] ?? {};
    return (
      (!stored.deleted || params.get('showDeleted') === 'true') &&
      (!timeMin || instant(resource.end, 'end') > Date.parse(timeMin)) &&
      (!timeMax || instant(resource.start, 'start') < Date.parse(timeMax)) &&
      (!updatedMin || resource.updated >= new Date(updatedMin).toISOString()) &&
      (!params.get('iCalUID') || resource.iCalUID === params.get('iCalUID')) &&
      (!q || [resource.summary, resource.description, resource.location].some((text) => typeof text === 'string' && text.toLowerCase().includes(q))) &&
      extended.every(([scope, pair]) => {
        const [key, ...value] = pair.split('=');
        return properties(scope)[key as string] === value.join('=');
      })
    );
  }

  /** `events.list`: a full listing (filters, pages, `nextSyncToken` on the last page) or the changes since a `syncToken`. */
  function listEvents(calendar: Calendar, params: URLSearchParams) {
    const syncToken = params.get('syncToken');
    const maxResults = Math.min(Number(params.get('maxResults')) || 250, 2500);
    const pageToken = params.get('pageToken');
    const [offset, snapshot] = pageToken ? pageOf(pageToken) : [0, changeSeq];
    let events = [...calendar.events.values()];
    if (syncToken) {
      const restricted = SYNC_TOKEN_RESTRICTIONS.filter((name) => params.has(name));
      if (restricted.length) throw invalid(`syncToken cannot be combined with ${restricted.join(', ')}.`, 'syncToken');
      const since = sinceOf(calendar, syncToken);
      events = events.filter((stored) => stored.changeSeq > since).sort((a, b) => a.changeSeq - b.changeSeq);
    } else {
      events = events.filter((stored) => matchesFullListing(stored, params));
      const orderBy = params.get('orderBy');
      if (orderBy === 'startTime') {
        if (params.get('singleEvents') !== 'true') throw invalid('The requested ordering is not available for the particular query.', 'orderBy');
        events.sort((a, b) => instant(a.resource.start, 'start') - instant(b.resource.start, 'start'));
      } else if (orderBy === 'updated') {
        events.sort((a, b) => a.resource.updated.localeCompare(b.resource.updated));
      }
    }
    const more = offset + maxResults < events.length;
    return {
      kind: 'calendar#events',
      etag: `"${snapshot}"`,
      summary: calendar.summary,
      description: '',
      updated: now(),
      timeZone: calendar.timeZone,
      accessRole: 'owner',
      defaultReminders: [],
      ...(more ? { nextPageToken: encodeToken([offset + maxResults, snapshot]) } : { nextSyncToken: encodeToken([syncGeneration, snapshot, calendar.id]) }),
      items: events.slice(offset, offset + maxResults).map(listView),
    };
  }

  return {
    calendarOf,
    /** For the control API: a calendar by ID, `primary` being the default user's. */
    calendarById(calendarId: string): Calendar {
      const calendar = calendarId === 'primary' ? primaryOf(options.defaultUser) : calendars.get(calendarId);
      if (!calendar) throw notFound();
      return calendar;
    },
    calendarResource,
    insertCalendar,
    insertEvent,
    getEvent: (calendar: Calendar, eventId: string) => structuredClone(storedEvent(calendar, eventId).resource),
    updateEvent,
    deleteEvent,
    listEvents,
    /** Every event of a calendar as stored, deleted ones included (assertions, the control API). */
    events: (calendar: Calendar) => [...calendar.events.values()].map((stored) => structuredClone(stored.resource)),
    expireSyncTokens() {
      syncGeneration++;
    },
    reset() {
      calendars.clear();
      ids.event.reset();
      ids.calendar.reset();
      syncGeneration++;
    },
  };
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;
