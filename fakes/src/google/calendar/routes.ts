import { type AuthorizationServer } from '../../oauth/authorization-server.ts';
import { type FakeRequest, type Route } from '../../server.ts';
import { GOOGLE_SCOPES, googleUser } from '../accounts.ts';
import { type GoogleWork, googleRoute, jsonBody, ok } from '../http.ts';
import { type Calendar, type CalendarStore } from './calendars.ts';
import { type PushChannels } from './push.ts';

/** Calendar v3 as googleapis calls it: calendars, events CRUD and list/sync, watch and channels.stop. */
export function calendarRoutes(oauth: AuthorizationServer, calendars: CalendarStore, push: PushChannels): Route[] {
  const on = (method: string, pattern: string, work: GoogleWork) => googleRoute(method, `/calendar/v3${pattern}`, work);
  const userOf = (request: FakeRequest) => googleUser(oauth, request, GOOGLE_SCOPES.calendar);
  const calendarOf = (request: FakeRequest, params: Record<string, string>) => calendars.calendarOf(userOf(request), params.calendarId as string);
  const eventId = (params: Record<string, string>) => params.eventId as string;
  /** Google notifies watchers of every change, the app's own included. */
  const changing = <T>(request: FakeRequest, params: Record<string, string>, change: (calendar: Calendar) => T): T => {
    const calendar = calendarOf(request, params);
    const result = change(calendar);
    void push.calendarChanged(calendar);
    return result;
  };

  return [
    on('POST', '/calendars', (request) => ok(calendars.insertCalendar(userOf(request), jsonBody(request)))),
    on('GET', '/calendars/:calendarId', (request, params) => ok(calendars.calendarResource(calendarOf(request, params)))),
    on('GET', '/calendars/:calendarId/events', (request, params) => ok(calendars.listEvents(calendarOf(request, params), request.query))),
    on('POST', '/calendars/:calendarId/events', (request, params) =>
      ok(changing(request, params, (calendar) => calendars.insertEvent(calendar, userOf(request), jsonBody(request)))),
    ),
    on('POST', '/calendars/:calendarId/events/watch', (request, params) => ok(push.watch(calendarOf(request, params), jsonBody(request)))),
    on('GET', '/calendars/:calendarId/events/:eventId', (request, params) => ok(calendars.getEvent(calendarOf(request, params), eventId(params)))),
    on('PUT', '/calendars/:calendarId/events/:eventId', (request, params) =>
      ok(changing(request, params, (calendar) => calendars.updateEvent(calendar, eventId(params), jsonBody(request), 'replace'))),
    ),
    on('PATCH', '/calendars/:calendarId/events/:eventId', (request, params) =>
      ok(changing(request, params, (calendar) => calendars.updateEvent(calendar, eventId(params), jsonBody(request), 'patch'))),
    ),
    on('DELETE', '/calendars/:calendarId/events/:eventId', (request, params) => {
      changing(request, params, (calendar) => calendars.deleteEvent(calendar, eventId(params)));
      return { status: 204 };
    }),
    on('POST', '/channels/stop', (request) => {
      userOf(request);
      push.stop(jsonBody(request));
      return { status: 204 };
    }),
  ];
}
