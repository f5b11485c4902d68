import { Readable } from 'node:stream';
import { apiError, badUserInput, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { google, type drive_v3 } from 'googleapis';
import { Connection, ConnectionStatus } from '../connections/connection.entity.ts';
import { accessToken } from '../connections/connection.service.ts';
import { ProviderAuthError } from '../providers/adapter.ts';
import { GOOGLE_SCOPES } from '../providers/google/google-adapter.ts';
import { googleApiRoot, googleAuthorized, googleError } from '../providers/google/google-client.ts';
import { Provider } from '../providers/provider.ts';

const FOLDER = 'application/vnd.google-apps.folder';
const FILE_FIELDS = 'id,name,webViewLink,size';

/** The tenant's Google connection, with Drive allowed; BAD_USER_INPUT (on `field`) otherwise. */
export async function googleDriveConnection(em: EntityManager, field: string): Promise<Connection> {
  const connection = await em.findOne(Connection, { provider: Provider.GOOGLE });
  if (!connection || connection.status !== ConnectionStatus.CONNECTED)
    throw badUserInput([{ field, message: 'Google is not connected: connect it on the Integrations page first' }]);
  if (!connection.scopes.includes(GOOGLE_SCOPES.driveFile))
    throw badUserInput([{ field, message: 'The Google connection has no access to Drive: connect Google again and allow Drive' }]);
  return connection;
}

/** Google's failures as API errors a person can act on (never with a token in them). */
export function driveFailure(error: unknown) {
  const known = googleError(error);
  return apiError('UPSTREAM_UNAVAILABLE', `Google Drive: ${known.message}`);
}

/**
 * Drive v3 for one connection (files the app made: the drive.file scope). Every lookup is by our own
 * `appProperties`, so a folder or file made before a crash is found again instead of made twice.
 */
export async function driveOf(context: SubgraphContext, connectionId: string) {
  let token: string;
  try {
    token = await accessToken(context, connectionId);
  } catch (error) {
    throw error instanceof ProviderAuthError ? apiError('UPSTREAM_UNAVAILABLE', 'Google no longer accepts our authorization: reconnect Google') : error;
  }
  const drive: drive_v3.Drive = google.drive({ version: 'v3', auth: googleAuthorized(token), ...googleApiRoot() });
  const call = async <T>(work: () => Promise<{ data: T }>): Promise<T> => {
    try {
      return (await work()).data;
    } catch (error) {
      throw driveFailure(error);
    }
  };
  const byProperty = async (key: string, value: string) =>
    (
      await call(() =>
        drive.files.list({ q: `appProperties has { key='${key}' and value='${value}' } and trashed = false`, fields: `files(${FILE_FIELDS})`, pageSize: 1 }),
      )
    ).files?.[0];

  return {
    /** The folder tagged with `tag`, made if missing. */
    async folder(tag: { key: string; value: string }, name: string): Promise<drive_v3.Schema$File> {
      return (
        (await byProperty(tag.key, tag.value)) ??
        call(() => drive.files.create({ requestBody: { name, mimeType: FOLDER, appProperties: { [tag.key]: tag.value } }, fields: FILE_FIELDS }))
      );
    },
    /** A file in `folderId`, tagged with `tag`, uploaded once. */
    async upload(folderId: string, tag: { key: string; value: string }, name: string, bytes: Buffer, mimeType: string): Promise<drive_v3.Schema$File> {
      return (
        (await byProperty(tag.key, tag.value)) ??
        call(() =>
          drive.files.create(
            {
              requestBody: { name, parents: [folderId], appProperties: { [tag.key]: tag.value } },
              media: { mimeType, body: Readable.from(bytes) },
              fields: FILE_FIELDS,
            },
            googleApiRoot(), // googleapis ignores the API-level rootUrl for media uploads
          ),
        )
      );
    },
    /** Lets `email` read the folder and what is in it; Google emails them the link. */
    share: (folderId: string, email: string) =>
      call(() =>
        drive.permissions.create({ fileId: folderId, sendNotificationEmail: true, requestBody: { type: 'user', role: 'reader', emailAddress: email } }),
      ),
  };
}
