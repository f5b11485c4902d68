import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { google } from 'googleapis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OAuthUser } from '../oauth/types.ts';
import { GOOGLE_FAKE_CLIENT, type GoogleFake, startGoogleFake } from './google-fake.ts';

const REDIRECT_URI = 'http://127.0.0.1:4000/oauth/google/callback';
const SCOPES = ['https://www.googleapis.com/auth/calendar', 'https://www.googleapis.com/auth/drive.file', 'email'];

let now = Date.parse('2026-11-23T09:00:00Z');
let fake: GoogleFake;
let receiver: { server: Server; url: string; received: IncomingHttpHeaders[] };

beforeAll(async () => {
  fake = await startGoogleFake({ clock: () => now });
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/google`, received };
});
afterAll(async () => {
  await fake.stop();
  await new Promise((resolve) => receiver.server.close(resolve));
});
afterEach(() => {
  fake.reset();
  receiver.received.length = 0;
});

/**
 * google.auth.OAuth2 is google-auth-library's OAuth2Client in the copy googleapis pins (10.5.0); the top-level
 * google-auth-library (10.9.1) works at runtime, but its class does not type-check as googleapis' `auth`.
 */
function oauthClient(options: { forceRefreshOnFailure?: boolean } = {}) {
  return new google.auth.OAuth2({
    clientId: GOOGLE_FAKE_CLIENT.id,
    clientSecret: GOOGLE_FAKE_CLIENT.secret,
    redirectUri: REDIRECT_URI,
    endpoints: fake.endpoints,
    ...options,
  });
}

/** The app's connect flow: authorize URL with PKCE and state, the user approves, the callback exchanges the code. */
async function connect({ client = oauthClient(), prompt, user }: { client?: ReturnType<typeof oauthClient>; prompt?: string; user?: OAuthUser } = {}) {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const url = client.generateAuthUrl({
    access_type: 'offline',
    scope: SCOPES,
    state: 'session-42',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as never,
    prompt,
  });
  const callback = new URL(fake.approve(url, { user }));
  expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
  expect(callback.searchParams.get('state')).toBe('session-42');
  const { tokens } = await client.getToken({ code: callback.searchParams.get('code') as string, codeVerifier });
  client.setCredentials(tokens);
  return { client, tokens, url, codeVerifier, code: callback.searchParams.get('code') as string };
}

const errorOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: { status?: number; response?: { data?: unknown } }) => ({ status: error.status, data: error.response?.data }),
  );

describe('Google OAuth', () => {
  it('exchanges an authorization code with PKCE, then refuses the code again and a wrong verifier', async () => {
    const { tokens, code, codeVerifier, client } = await connect();
    expect(tokens).toMatchObject({
      access_token: expect.stringMatching(/^ya29\./),
      refresh_token: expect.stringMatching(/^1\/\//),
      token_type: 'Bearer',
      scope: SCOPES.join(' '),
    });
    expect(await errorOf(client.getToken({ code, codeVerifier }))).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });

    const { codeChallenge } = await client.generateCodeVerifierAsync();
    const url = client.generateAuthUrl({ access_type: 'offline', scope: SCOPES, code_challenge: codeChallenge, code_challenge_method: 'S256' as never });
    const otherCode = new URL(fake.approve(url)).searchParams.get('code') as string;
    const wrongVerifier = 'x'.repeat(64);
    expect(await errorOf(client.getToken({ code: otherCode, codeVerifier: wrongVerifier }))).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
  });

  it('redirects with access_denied when the user says no, and shows a consent page to a browser', async () => {
    const client = oauthClient();
    const url = client.generateAuthUrl({ scope: SCOPES, state: 's1' });
    const denied = new URL(fake.deny(url));
    expect(Object.fromEntries(denied.searchParams)).toEqual({ error: 'access_denied', state: 's1' });

    const page = await fetch(url);
    expect(page.headers.get('content-type')).toContain('text/html');
    const approveLink = /href="([^"]+fake_decision=approve)"/.exec(await page.text())?.[1]?.replaceAll('&#38;', '&') as string;
    const redirect = await fetch(new URL(approveLink, fake.url), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get('location') as string).searchParams.get('code')).toBeTruthy();

    const control = await fetch(`${fake.url}/__control/oauth/approve`, { method: 'POST', body: JSON.stringify({ url }) });
    expect(new URL(((await control.json()) as { redirectUrl: string }).redirectUrl).searchParams.get('state')).toBe('s1');
  });

  it('hands out a refresh token only for offline access on a first or forced consent', async () => {
    await connect();
    const again = await connect();
    expect(again.tokens.refresh_token).toBeUndefined();
    const forced = await connect({ prompt: 'consent' });
    expect(forced.tokens.refresh_token).toBeDefined();
  });

  it('refreshes an expired access token without rotating the refresh token', async () => {
    const { client, tokens } = await connect({ client: oauthClient({ forceRefreshOnFailure: true }) });
    const calendar = google.calendar({ version: 'v3', auth: client, rootUrl: fake.rootUrl });
    now += 3600 * 1000; // the fake's access token expired; the SDK's own clock has not noticed
    const refreshed = new Promise((resolve) => client.once('tokens', resolve));
    await calendar.events.list({ calendarId: 'primary' });
    expect(await refreshed).toMatchObject({ access_token: expect.stringMatching(/^ya29\./) });
    expect(client.credentials.refresh_token).toBe(tokens.refresh_token);
    await expect(client.refreshAccessToken()).resolves.toBeDefined(); // the same refresh token still works

    expect(fake.expireAccessTokens()).toBe(2); // a refresh leaves the previous access token alive until it expires
    const info = await errorOf(client.getTokenInfo(client.credentials.access_token as string));
    expect(info).toMatchObject({ status: 400, data: { error: 'invalid_token' } });
  });

  it('answers invalid_grant once the refresh token is revoked, by the app or by the user at Google', async () => {
    const first = await connect();
    expect(await first.client.getTokenInfo(first.tokens.access_token as string)).toMatchObject({ email: 'owner@atelier.test', scopes: SCOPES });
    await first.client.revokeToken(first.tokens.refresh_token as string);
    expect(await errorOf(first.client.refreshAccessToken())).toMatchObject({
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });

    const second = await connect();
    fake.revokeRefreshToken(second.tokens.refresh_token as string);
    expect(await errorOf(second.client.refreshAccessToken())).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
    const calendar = google.calendar({ version: 'v3', auth: second.client, rootUrl: fake.rootUrl });
    expect(await errorOf(calendar.events.list({ calendarId: 'primary' }))).toMatchObject({ status: 401 });
  });

  it('gives the signed-in account to userinfo', async () => {
    const { client } = await connect();
    const { data } = await google.oauth2({ version: 'v2', auth: client, rootUrl: fake.rootUrl }).userinfo.get();
    expect(data).toMatchObject({ email: 'owner@atelier.test', verified_email: true });
  });
});

describe('Google Calendar', () => {
  const at = (hour: number) => ({ dateTime: `2026-12-01T${String(hour).padStart(2, '0')}:00:00Z` });

  it('inserts, lists and syncs incrementally, with deletions, pages and a stale token answering 410', async () => {
    const { client } = await connect();
    const calendar = google.calendar({ version: 'v3', auth: client, rootUrl: fake.rootUrl });
    const inserted = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: { id: 'atelierappt0001', summary: 'Brake service', start: at(9), end: at(10) },
    });
    expect(inserted.data).toMatchObject({ id: 'atelierappt0001', status: 'confirmed', summary: 'Brake service', iCalUID: 'atelierappt0001@google.com' });
    expect(await errorOf(calendar.events.insert({ calendarId: 'primary', requestBody: { id: 'atelierappt0001', start: at(9), end: at(10) } }))).toMatchObject({
      status: 409,
    });
    await calendar.events.insert({ calendarId: 'primary', requestBody: { summary: 'Oil change', start: at(11), end: at(12) } });

    const firstPage = await calendar.events.list({ calendarId: 'primary', maxResults: 1 });
    expect(firstPage.data.items).toHaveLength(1);
    expect(firstPage.data.nextSyncToken).toBeUndefined();
    const lastPage = await calendar.events.list({ calendarId: 'primary', maxResults: 1, pageToken: firstPage.data.nextPageToken as string });
    expect(lastPage.data.items?.[0]?.summary).toBe('Oil change');
    const syncToken = lastPage.data.nextSyncToken as string;

    await calendar.events.patch({ calendarId: 'primary', eventId: 'atelierappt0001', requestBody: { start: at(14), end: at(15) } });
    await calendar.events.delete({ calendarId: 'primary', eventId: lastPage.data.items?.[0]?.id as string });
    const changes = await calendar.events.list({ calendarId: 'primary', syncToken });
    expect(changes.data.items?.map((event) => [event.id, event.status, event.start?.dateTime])).toEqual([
      ['atelierappt0001', 'confirmed', '2026-12-01T14:00:00Z'],
      [lastPage.data.items?.[0]?.id, 'cancelled', undefined],
    ]);
    const nothingNew = await calendar.events.list({ calendarId: 'primary', syncToken: changes.data.nextSyncToken as string });
    expect(nothingNew.data.items).toEqual([]);

    fake.calendar.expireSyncTokens();
    const gone = await errorOf(calendar.events.list({ calendarId: 'primary', syncToken: changes.data.nextSyncToken as string }));
    expect(gone).toMatchObject({ status: 410, data: { error: { code: 410, errors: [{ reason: 'fullSyncRequired' }] } } });
    expect((await calendar.events.list({ calendarId: 'primary' })).data.items?.map((event) => event.id)).toEqual(['atelierappt0001']);
  });

  it('pushes sync, then exists on every change, to the watch address with the channel token', async () => {
    const { client } = await connect();
    const calendar = google.calendar({ version: 'v3', auth: client, rootUrl: fake.rootUrl });
    const { data: event } = await calendar.events.insert({ calendarId: 'primary', requestBody: { summary: 'MOT', start: at(9), end: at(10) } });
    const { data: channel } = await calendar.events.watch({
      calendarId: 'primary',
      requestBody: { id: 'channel-1', type: 'web_hook', address: receiver.url, token: 'tenant=7&secret=s3cr3t' },
    });
    expect(channel).toMatchObject({ kind: 'api#channel', id: 'channel-1', token: 'tenant=7&secret=s3cr3t', resourceId: expect.any(String) });

    const sent = await fake.calendar.moveEvent('primary', event.id as string, { start: at(13), end: at(14) });
    expect(sent).toHaveLength(1);
    await calendar.events.insert({ calendarId: 'primary', requestBody: { summary: 'Tyres', start: at(15), end: at(16) } });
    await fake.idle();
    expect(receiver.received.map((headers) => [headers['x-goog-resource-state'], headers['x-goog-message-number']])).toEqual([
      ['sync', '1'],
      ['exists', '2'],
      ['exists', '3'],
    ]);
    expect(receiver.received[1]).toMatchObject({
      'x-goog-channel-id': 'channel-1',
      'x-goog-channel-token': 'tenant=7&secret=s3cr3t',
      'x-goog-resource-id': channel.resourceId,
      'x-goog-channel-expiration': expect.stringMatching(/GMT$/),
    });

    const forged = await fake.calendar.cancelEvent('primary', event.id as string, { tamper: true });
    expect(forged[0]?.headers['x-goog-channel-token']).toBe('forged-token');
    expect((await calendar.events.get({ calendarId: 'primary', eventId: event.id as string })).data.status).toBe('cancelled');

    await calendar.channels.stop({ requestBody: { id: 'channel-1', resourceId: channel.resourceId } });
    await fake.calendar.moveEvent('primary', event.id as string, { start: at(17), end: at(18) });
    expect(fake.notifications).toHaveLength(4);
  });

  it('keeps secondary calendars to their account, finds events by private property, and replaces them with update', async () => {
    const { client } = await connect();
    const calendar = google.calendar({ version: 'v3', auth: client, rootUrl: fake.rootUrl });
    const { data: workshop } = await calendar.calendars.insert({ requestBody: { summary: 'Workshop bookings', timeZone: 'Africa/Nairobi' } });
    expect(workshop).toMatchObject({ id: expect.stringMatching(/@group\.calendar\.google\.com$/), summary: 'Workshop bookings', timeZone: 'Africa/Nairobi' });
    const calendarId = workshop.id as string;
    const { data: event } = await calendar.events.insert({
      calendarId,
      requestBody: { summary: 'Diagnostics', start: at(9), end: at(10), extendedProperties: { private: { atelierAppointmentId: 'appt-7' } } },
    });
    const found = await calendar.events.list({ calendarId, privateExtendedProperty: ['atelierAppointmentId=appt-7'] });
    expect(found.data.items?.map((item) => item.id)).toEqual([event.id]);

    const { data: replaced } = await calendar.events.update({
      calendarId,
      eventId: event.id as string,
      requestBody: { summary: 'Diagnostics', start: at(11), end: at(12) },
    });
    expect(replaced).toMatchObject({ sequence: 1, start: at(11) });
    expect(replaced.extendedProperties).toBeUndefined(); // a PUT replaces the whole event
    expect(await errorOf(calendar.events.insert({ calendarId, requestBody: { start: at(12), end: at(11) } }))).toMatchObject({ status: 400 });

    const stranger = await connect({ user: { id: '100000000000000000002', email: 'someone@else.test', name: 'Some One' } });
    const theirs = google.calendar({ version: 'v3', auth: stranger.client, rootUrl: fake.rootUrl });
    expect(await errorOf(theirs.events.list({ calendarId }))).toMatchObject({ status: 404 });
  });

  it("answers an injected quota fault with Google's usageLimits error", async () => {
    const { client } = await connect();
    const calendar = google.calendar({ version: 'v3', auth: client, rootUrl: fake.rootUrl });
    fake.inject({ fault: { kind: 'rate-limit', status: 403 }, match: /^POST \/calendar\// });
    const error = await errorOf(calendar.events.insert({ calendarId: 'primary', requestBody: { start: at(9), end: at(10) } }));
    expect(error).toMatchObject({ status: 403, data: { error: { errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }] } } });
  });
});

describe('Google Drive', () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0xff, 0x00, 0x80]), Buffer.from('\n%%EOF\n')]);

  it('creates a folder, uploads a binary file into it, finds it with q, downloads it and shares it', async () => {
    const { client } = await connect();
    const drive = google.drive({ version: 'v3', auth: client, rootUrl: fake.rootUrl });
    const { data: folder } = await drive.files.create({
      requestBody: { name: 'Atelier', mimeType: 'application/vnd.google-apps.folder', appProperties: { atelierTenant: '7' } },
      fields: 'id,name,webViewLink',
    });
    expect(folder).toEqual({ id: expect.any(String), name: 'Atelier', webViewLink: `https://drive.google.com/drive/folders/${folder.id}` });

    const { data: file } = await drive.files.create(
      {
        requestBody: { name: 'WO-1001.pdf', parents: [folder.id as string] },
        media: { mimeType: 'application/pdf', body: Readable.from(pdf) },
        fields: 'id,name,size,parents',
      },
      { rootUrl: fake.rootUrl }, // googleapis ignores the API-level rootUrl for media uploads
    );
    expect(file).toEqual({ id: expect.any(String), name: 'WO-1001.pdf', size: String(pdf.length), parents: [folder.id] });

    const { data: found } = await drive.files.list({
      q: `'${folder.id}' in parents and mimeType = 'application/pdf' and trashed = false`,
      fields: 'files(id,name)',
    });
    expect(found.files).toEqual([{ id: file.id, name: 'WO-1001.pdf' }]);
    const { data: folders } = await drive.files.list({ q: "appProperties has { key='atelierTenant' and value='7' }" });
    expect(folders.files?.map((candidate) => candidate.name)).toEqual(['Atelier']);

    const download = await drive.files.get({ fileId: file.id as string, alt: 'media' }, { responseType: 'arraybuffer' });
    expect(Buffer.from(download.data as ArrayBuffer)).toEqual(pdf);

    const { data: permission } = await drive.permissions.create({
      fileId: file.id as string,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'reader', emailAddress: 'customer@example.com' },
    });
    expect(permission).toMatchObject({ kind: 'drive#permission', type: 'user', role: 'reader' });
    const { data: permissions } = await drive.permissions.list({ fileId: file.id as string, fields: 'permissions(emailAddress,role)' });
    expect(permissions.permissions).toEqual([
      { emailAddress: 'owner@atelier.test', role: 'owner' },
      { emailAddress: 'customer@example.com', role: 'reader' },
    ]);

    const { data: archive } = await drive.files.create({ requestBody: { name: 'Archive', mimeType: 'application/vnd.google-apps.folder' }, fields: 'id' });
    await drive.files.update({
      fileId: file.id as string,
      addParents: archive.id as string,
      removeParents: folder.id as string,
      requestBody: { trashed: true },
    });
    expect((await drive.files.get({ fileId: file.id as string, fields: 'parents,trashed' })).data).toEqual({ parents: [archive.id], trashed: true });
    expect((await drive.files.list({ q: `'${archive.id}' in parents and trashed = false` })).data.files).toEqual([]);
    await drive.files.delete({ fileId: archive.id as string });
    expect(await errorOf(drive.files.get({ fileId: file.id as string }))).toMatchObject({ status: 404, data: { error: { errors: [{ reason: 'notFound' }] } } });
  });

  it('takes a resumable upload in chunks, answering 308 with the range received until the last one', async () => {
    const { client } = await connect();
    const session = await client.request<void>({
      url: `${fake.rootUrl}upload/drive/v3/files?uploadType=resumable&fields=id,name,size`,
      method: 'POST',
      headers: { 'x-upload-content-type': 'application/pdf', 'x-upload-content-length': String(pdf.length) },
      data: { name: 'big.pdf' },
    });
    const location = session.headers.get('location') as string;
    const first = await fetch(location, { method: 'PUT', headers: { 'content-range': `bytes 0-9/${pdf.length}` }, body: pdf.subarray(0, 10) });
    expect([first.status, first.headers.get('range')]).toEqual([308, 'bytes=0-9']);
    const last = await fetch(location, { method: 'PUT', headers: { 'content-range': `bytes 10-${pdf.length - 1}/${pdf.length}` }, body: pdf.subarray(10) });
    expect(await last.json()).toEqual({ id: expect.any(String), name: 'big.pdf', size: String(pdf.length) });
    expect(fake.drive.files().find((stored) => stored.name === 'big.pdf')?.content).toEqual(pdf);
  });
});
