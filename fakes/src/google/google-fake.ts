import { type ApproveOptions, createAuthorizationServer } from '../oauth/authorization-server.ts';
import { type OAuthClient, type OAuthUser } from '../oauth/types.ts';
import { outboxControl, startFakeServer, webhookOutbox } from '../server.ts';
import { type FakeOptions, type ProviderFake, type SentWebhook, type WebhookDeliveryOptions } from '../types.ts';
import { accountRoutes, googleOAuthProfile } from './accounts.ts';
import { type Calendar, createCalendarStore, type EventResource } from './calendar/calendars.ts';
import { type Channel, createPushChannels } from './calendar/push.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { googleFaultResponse } from './errors.ts';
import { createDriveStore, type DriveFile } from './drive/files.ts';
import { driveRoutes } from './drive/routes.ts';
import { createResumableUploads } from './drive/uploads.ts';

export const GOOGLE_FAKE_CLIENT: OAuthClient = { id: 'atelier-fake.apps.googleusercontent.com', secret: 'GOCSPX-atelier-fake-secret' };
export const GOOGLE_FAKE_USER: OAuthUser = { id: '100000000000000000001', email: 'owner@atelier.test', name: 'Ada Owner' };

export interface GoogleFakeOptions extends FakeOptions {
  client?: OAuthClient;
  /** Who signs in on the consent page and in `approve` without a user. */
  user?: OAuthUser;
  /** The authorize endpoint redirects at once instead of showing its consent page. */
  autoApprove?: boolean;
}

export interface GoogleFake extends ProviderFake {
  /** For `new OAuth2Client({ clientId, clientSecret, redirectUri, endpoints })`. */
  readonly endpoints: { oauth2AuthBaseUrl: string; oauth2TokenUrl: string; oauth2RevokeUrl: string; tokenInfoUrl: string };
  /** For `google.calendar({ version: 'v3', auth, rootUrl })`, and per call on Drive media uploads. */
  readonly rootUrl: string;
  approve(authorizeUrl: string, options?: ApproveOptions): string;
  deny(authorizeUrl: string): string;
  revokeRefreshToken(refreshToken: string): void;
  revokeAllGrants(): number;
  expireAccessTokens(): number;
  readonly calendar: {
    /** Events of a calendar as stored (`primary`: the default user's), deleted ones included. */
    events(calendarId: string): EventResource[];
    /** Someone moves the event in Google Calendar; watching channels are notified (resolves once delivered). */
    moveEvent(calendarId: string, eventId: string, times: { start: unknown; end: unknown }, delivery?: WebhookDeliveryOptions): Promise<SentWebhook[]>;
    /** Someone deletes the event in Google Calendar; watching channels are notified. */
    cancelEvent(calendarId: string, eventId: string, delivery?: WebhookDeliveryOptions): Promise<SentWebhook[]>;
    /** Every sync token issued so far answers 410 fullSyncRequired. */
    expireSyncTokens(): void;
    channels(): Channel[];
  };
  readonly drive: {
    /** Every file and folder with its bytes and permissions (My Drive roots aside). */
    files(): DriveFile[];
  };
  /** Push notifications sent, in order (`status: 0`: the address could not be reached). */
  readonly notifications: SentWebhook[];
  /** Resolves when every push notification started so far has been answered. */
  idle(): Promise<void>;
}

/**
 * Google OAuth 2 (with PKCE), Calendar v3 (sync tokens, push channels) and Drive v3, on one origin, at the
 * paths googleapis builds from `rootUrl` (Google's path prefixes, e.g. `/calendar/v3`, are kept).
 *
 * Control API (`POST /__control/<action>`, JSON): `oauth/approve` `{url}` → `{redirectUrl}`, `oauth/deny` `{url}`,
 * `oauth/revoke-grants`, `oauth/expire-access-tokens`, `calendar/move-event` `{calendarId, eventId, start, end}`,
 * `calendar/cancel-event` `{calendarId, eventId}`, `calendar/events` `{calendarId}`, `calendar/expire-sync-tokens`,
 * `calendar/channels`, `drive/files`, `webhooks` (push notifications sent), plus the built-in `reset`, `requests`, `fault`.
 */
export async function startGoogleFake(options: GoogleFakeOptions = {}): Promise<GoogleFake> {
  const clock = options.clock ?? Date.now;
  const client = options.client ?? GOOGLE_FAKE_CLIENT;
  const defaultUser = options.user ?? GOOGLE_FAKE_USER;
  let origin = '';
  const oauth = createAuthorizationServer({ provider: 'Google', profile: googleOAuthProfile, client, defaultUser, autoApprove: options.autoApprove, clock });
  const outbox = webhookOutbox(clock);
  const push = createPushChannels({ clock, outbox, origin: () => origin });
  const calendars = createCalendarStore({ clock, defaultUser });
  const drive = createDriveStore({ clock });
  const uploads = createResumableUploads();

  /** A change someone makes in Google Calendar itself; resolves once the watching channels were notified. */
  const changeInGoogle = async (calendarId: string, change: (calendar: Calendar) => void, delivery?: WebhookDeliveryOptions) => {
    const calendar = calendars.calendarById(calendarId);
    change(calendar);
    return push.calendarChanged(calendar, delivery);
  };

  const controlCalendar = {
    events: (calendarId: string) => calendars.events(calendars.calendarById(calendarId)),
    moveEvent: (calendarId: string, eventId: string, times: { start: unknown; end: unknown }, delivery?: WebhookDeliveryOptions) =>
      changeInGoogle(calendarId, (calendar) => calendars.updateEvent(calendar, eventId, { start: times.start, end: times.end }, 'patch'), delivery),
    cancelEvent: (calendarId: string, eventId: string, delivery?: WebhookDeliveryOptions) =>
      changeInGoogle(calendarId, (calendar) => calendars.deleteEvent(calendar, eventId), delivery),
    expireSyncTokens: () => calendars.expireSyncTokens(),
    channels: () => push.list(),
  };
  const controlDrive = { files: () => drive.allFiles() };

  const server = await startFakeServer({
    name: 'google',
    port: options.port,
    routes: [...oauth.routes, ...accountRoutes(oauth, clock), ...calendarRoutes(oauth, calendars, push), ...driveRoutes(oauth, drive, uploads, () => origin)],
    faultResponse: googleFaultResponse,
    resetState() {
      oauth.reset();
      calendars.reset();
      push.reset();
      drive.reset();
      uploads.reset();
      outbox.clear();
    },
    control: {
      ...oauth.control,
      ...outboxControl(outbox),
      'calendar/events': (input) => controlCalendar.events(String(input.calendarId ?? 'primary')),
      'calendar/move-event': (input) =>
        controlCalendar.moveEvent(String(input.calendarId ?? 'primary'), String(input.eventId), { start: input.start, end: input.end }),
      'calendar/cancel-event': (input) => controlCalendar.cancelEvent(String(input.calendarId ?? 'primary'), String(input.eventId)),
      'calendar/expire-sync-tokens': () => controlCalendar.expireSyncTokens(),
      'calendar/channels': () => controlCalendar.channels(),
      'drive/files': () => controlDrive.files().map(({ content, ...file }) => ({ ...file, size: content?.length })),
    },
  });
  origin = server.url;

  return {
    name: server.name,
    url: server.url,
    requests: server.requests,
    inject: (rule) => server.inject(rule),
    reset: () => server.reset(),
    stop: () => server.stop(),
    endpoints: {
      oauth2AuthBaseUrl: `${origin}${googleOAuthProfile.paths.authorize}`,
      oauth2TokenUrl: `${origin}${googleOAuthProfile.paths.token}`,
      oauth2RevokeUrl: `${origin}${googleOAuthProfile.paths.revoke}`,
      tokenInfoUrl: `${origin}/tokeninfo`,
    },
    rootUrl: `${origin}/`,
    approve: (url, approval) => oauth.approve(url, approval),
    deny: (url) => oauth.deny(url),
    revokeRefreshToken: (token) => oauth.revokeRefreshToken(token),
    revokeAllGrants: () => oauth.revokeAllGrants(),
    expireAccessTokens: () => oauth.expireAccessTokens(),
    calendar: controlCalendar,
    drive: controlDrive,
    notifications: outbox.sent,
    idle: () => outbox.idle(),
  };
}
