import { type AuthorizationServer } from '../../oauth/authorization-server.ts';
import { type OAuthUser } from '../../oauth/types.ts';
import { type FakeRequest, type FakeResponse, type Route } from '../../server.ts';
import { GOOGLE_SCOPES, googleUser } from '../accounts.ts';
import { GoogleApiError, invalid } from '../errors.ts';
import { googleRoute, jsonBody, ok } from '../http.ts';
import { withFields } from './fields.ts';
import { type DriveFile, type DriveStore } from './files.ts';
import { parseDriveQuery } from './query.ts';
import { parseMultipartRelated, type ResumableUploads } from './uploads.ts';

/** What Drive v3 answers when the request names no `fields`. */
const DEFAULT_FIELDS = {
  file: 'kind,id,name,mimeType',
  list: 'kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)',
  permission: 'kind,id,type,role',
};
const SORT_KEYS: Record<string, (file: DriveFile) => string> = {
  name: (file) => file.name,
  createdTime: (file) => file.createdTime,
  modifiedTime: (file) => file.modifiedTime,
};

function sorted(files: DriveFile[], orderBy: string | null): DriveFile[] {
  if (!orderBy) return files;
  const keys = orderBy.split(',').map((part) => {
    const [key = '', direction] = part.trim().split(/\s+/);
    const value = SORT_KEYS[key];
    if (!value) throw invalid(`Invalid orderBy key: ${key}`, 'orderBy');
    return { value, sign: direction === 'desc' ? -1 : 1 };
  });
  return [...files].sort((a, b) => {
    for (const { value, sign } of keys) {
      const order = value(a).localeCompare(value(b));
      if (order) return order * sign;
    }
    return 0;
  });
}

/** Drive v3 as googleapis calls it: files (metadata, media, folders, `q` search), uploads, permissions. */
export function driveRoutes(oauth: AuthorizationServer, drive: DriveStore, uploads: ResumableUploads, origin: () => string): Route[] {
  const userOf = (request: FakeRequest) => googleUser(oauth, request, GOOGLE_SCOPES.drive);
  const fileAnswer = (file: DriveFile, viewer: OAuthUser, request: FakeRequest) =>
    ok(withFields(drive.fileResource(file, viewer), request.query.get('fields'), DEFAULT_FIELDS.file));
  const fileId = (params: Record<string, string>) => params.fileId as string;

  function list(request: FakeRequest): FakeResponse {
    const user = userOf(request);
    const q = request.query.get('q');
    const matches = q ? parseDriveQuery(q, drive.rootOf(user)) : () => true;
    const files = sorted(drive.listFiles(user, matches), request.query.get('orderBy'));
    const pageSize = Math.min(Number(request.query.get('pageSize')) || 100, 1000);
    const offset = Number(Buffer.from(request.query.get('pageToken') ?? '', 'base64url').toString('utf8')) || 0;
    const more = offset + pageSize < files.length;
    const body = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      ...(more && { nextPageToken: Buffer.from(String(offset + pageSize)).toString('base64url') }),
      files: files.slice(offset, offset + pageSize).map((file) => drive.fileResource(file, user)),
    };
    return ok(withFields(body, request.query.get('fields'), DEFAULT_FIELDS.list));
  }

  function upload(request: FakeRequest): FakeResponse {
    const user = userOf(request);
    const uploadType = request.query.get('uploadType');
    if (uploadType === 'multipart') {
      const { metadata, media, mediaType } = parseMultipartRelated(request.raw, request.headers['content-type']);
      return fileAnswer(drive.createFile(user, metadata, { bytes: media, mimeType: mediaType }), user, request);
    }
    if (uploadType === 'media') return fileAnswer(drive.createFile(user, {}, { bytes: request.raw, mimeType: request.headers['content-type'] }), user, request);
    if (uploadType === 'resumable') {
      const session = new URLSearchParams(request.query);
      session.set('upload_id', uploads.open(user, request.body ? jsonBody(request) : {}, request.headers));
      return { status: 200, headers: { location: `${origin()}/upload/drive/v3/files?${session}` } };
    }
    throw invalid(`Invalid uploadType: ${uploadType}`, 'uploadType');
  }

  /** A PUT to a resumable session URI: the URI is the credential, as at Google. */
  function resumeUpload(request: FakeRequest): FakeResponse {
    const result = uploads.receive(request.query.get('upload_id') ?? '', request.raw, request.headers['content-range']);
    if (!result.complete) return { status: 308, headers: result.received > 0 ? { range: `bytes=0-${result.received - 1}` } : {} };
    const { metadata, media, mediaType } = result.upload;
    return fileAnswer(
      drive.createFile(result.owner, metadata, { bytes: media, mimeType: mediaType ?? request.headers['content-type'] }),
      result.owner,
      request,
    );
  }

  return [
    googleRoute('POST', '/drive/v3/files', (request) => {
      const user = userOf(request);
      return fileAnswer(drive.createFile(user, jsonBody(request)), user, request);
    }),
    googleRoute('GET', '/drive/v3/files', list),
    googleRoute('GET', '/drive/v3/files/:fileId', (request, params) => {
      const user = userOf(request);
      const file = drive.fileOf(user, fileId(params));
      if (request.query.get('alt') !== 'media') return fileAnswer(file, user, request);
      if (!file.content)
        throw new GoogleApiError(403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
      return { status: 200, body: file.content, headers: { 'content-type': file.mimeType } };
    }),
    googleRoute('PATCH', '/drive/v3/files/:fileId', (request, params) => {
      const user = userOf(request);
      const moves = { addParents: request.query.get('addParents'), removeParents: request.query.get('removeParents') };
      return fileAnswer(drive.updateFile(user, fileId(params), request.body ? jsonBody(request) : {}, moves), user, request);
    }),
    googleRoute('DELETE', '/drive/v3/files/:fileId', (request, params) => {
      drive.deleteFile(userOf(request), fileId(params));
      return { status: 204 };
    }),
    googleRoute('POST', '/upload/drive/v3/files', upload),
    googleRoute('PUT', '/upload/drive/v3/files', resumeUpload),
    googleRoute('POST', '/drive/v3/files/:fileId/permissions', (request, params) => {
      const permission = drive.share(userOf(request), fileId(params), jsonBody(request), request.query.get('transferOwnership') === 'true');
      return ok(withFields(drive.permissionResource(permission), request.query.get('fields'), DEFAULT_FIELDS.permission));
    }),
    googleRoute('GET', '/drive/v3/files/:fileId/permissions', (request, params) => {
      const file = drive.fileOf(userOf(request), fileId(params));
      const body = { kind: 'drive#permissionList', permissions: file.permissions.map(drive.permissionResource) };
      return ok(withFields(body, request.query.get('fields'), `kind,permissions(${DEFAULT_FIELDS.permission})`));
    }),
    googleRoute('DELETE', '/drive/v3/files/:fileId/permissions/:permissionId', (request, params) => {
      drive.unshare(userOf(request), fileId(params), params.permissionId as string);
      return { status: 204 };
    }),
  ];
}
