import { createHash } from 'node:crypto';
import { type OAuthUser } from '../../oauth/types.ts';
import { idSequence } from '../../server.ts';
import { GoogleApiError, invalid, required } from '../errors.ts';

const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

export interface Permission {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: string;
  emailAddress?: string;
  domain?: string;
}

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  ownerEmail: string;
  ownerName: string;
  createdTime: string;
  modifiedTime: string;
  trashed: boolean;
  description?: string;
  appProperties: Record<string, string>;
  properties: Record<string, string>;
  content?: Buffer;
  permissions: Permission[];
}

const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];
const WRITER_ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer']);
const PERMISSION_TYPES = ['user', 'group', 'domain', 'anyone'];

const fileNotFound = (fileId: string) => new GoogleApiError(404, 'notFound', `File not found: ${fileId}.`, { location: 'fileId', locationType: 'parameter' });
const stringRecord = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)])) : {};

/** Every user's My Drive: folders, files with their bytes, and who they are shared with. */
export function createDriveStore(options: { clock: () => number }) {
  const files = new Map<string, DriveFile>();
  const roots = new Map<string, string>();
  /** Drive gives each person one permission ID, the same on every file. */
  const permissionIds = new Map<string, string>();
  const ids = { file: idSequence('1fakefile', 24), root: idSequence('0AFakeRoot', 10), permission: idSequence('', 20) };
  const now = () => new Date(options.clock()).toISOString();

  const permissionIdOf = (email: string) => {
    let id = permissionIds.get(email);
    if (!id) permissionIds.set(email, (id = ids.permission.next()));
    return id;
  };

  function rootOf(user: OAuthUser): string {
    let id = roots.get(user.email);
    if (!id) {
      id = ids.root.next();
      roots.set(user.email, id);
      files.set(id, blankFile(user, id, { name: 'My Drive', mimeType: FOLDER_MIME_TYPE, parents: [] }));
    }
    return id;
  }

  function blankFile(user: OAuthUser, id: string, fields: Pick<DriveFile, 'name' | 'mimeType' | 'parents'>): DriveFile {
    const created = now();
    return {
      id,
      ...fields,
      ownerEmail: user.email,
      ownerName: user.name,
      createdTime: created,
      modifiedTime: created,
      trashed: false,
      appProperties: {},
      properties: {},
      permissions: [{ id: permissionIdOf(user.email), type: 'user', role: 'owner', emailAddress: user.email }],
    };
  }

  const canRead = (user: OAuthUser, file: DriveFile) =>
    file.ownerEmail === user.email || file.permissions.some((permission) => permission.type === 'anyone' || permission.emailAddress === user.email);
  const canWrite = (user: OAuthUser, file: DriveFile) =>
    file.permissions.some((permission) => WRITER_ROLES.has(permission.role) && permission.emailAddress === user.email);

  /** A file `user` can see (`root` is their My Drive); others' files are not found, as in Drive. */
  function fileOf(user: OAuthUser, fileId: string, access: 'read' | 'write' = 'read'): DriveFile {
    const file = files.get(fileId === 'root' ? rootOf(user) : fileId);
    if (!file || !canRead(user, file)) throw fileNotFound(fileId);
    if (access === 'write' && !canWrite(user, file))
      throw new GoogleApiError(403, 'insufficientFilePermissions', 'The user does not have sufficient permissions for this file.');
    return file;
  }

  function folderOf(user: OAuthUser, folderId: string): string {
    const folder = fileOf(user, folderId, 'write');
    if (folder.mimeType !== FOLDER_MIME_TYPE) throw invalid(`The parent ${folderId} is not a folder.`, 'parents');
    return folder.id;
  }

  function applyMetadata(user: OAuthUser, file: DriveFile, metadata: Record<string, unknown>) {
    if (typeof metadata.name === 'string') file.name = metadata.name;
    if (typeof metadata.mimeType === 'string') file.mimeType = metadata.mimeType;
    if (typeof metadata.description === 'string') file.description = metadata.description;
    if (typeof metadata.trashed === 'boolean') file.trashed = metadata.trashed;
    if (metadata.appProperties) file.appProperties = { ...file.appProperties, ...stringRecord(metadata.appProperties) };
    if (metadata.properties) file.properties = { ...file.properties, ...stringRecord(metadata.properties) };
    if (Array.isArray(metadata.parents)) file.parents = metadata.parents.map((parent) => folderOf(user, String(parent)));
  }

  function createFile(user: OAuthUser, metadata: Record<string, unknown>, media?: { bytes: Buffer; mimeType: string | undefined }): DriveFile {
    const file = blankFile(user, ids.file.next(), {
      name: 'Untitled',
      mimeType: typeof metadata.mimeType === 'string' ? metadata.mimeType : (media?.mimeType ?? 'application/octet-stream'),
      parents: [rootOf(user)],
    });
    applyMetadata(user, file, metadata);
    if (media) file.content = media.bytes;
    else if (file.mimeType !== FOLDER_MIME_TYPE) file.content = Buffer.alloc(0);
    files.set(file.id, file);
    return file;
  }

  function updateFile(
    user: OAuthUser,
    fileId: string,
    metadata: Record<string, unknown>,
    moves: { addParents?: string | null; removeParents?: string | null },
  ) {
    const file = fileOf(user, fileId, 'write');
    applyMetadata(user, file, metadata);
    const removed = new Set((moves.removeParents ?? '').split(',').filter(Boolean));
    const added = (moves.addParents ?? '')
      .split(',')
      .filter(Boolean)
      .map((parent) => folderOf(user, parent));
    file.parents = [...new Set([...file.parents.filter((parent) => !removed.has(parent)), ...added])];
    file.modifiedTime = now();
    return file;
  }

  /** Deleting a folder deletes what it holds, as in Drive. */
  function deleteFile(user: OAuthUser, fileId: string) {
    const file = fileOf(user, fileId);
    if (file.ownerEmail !== user.email)
      throw new GoogleApiError(403, 'insufficientFilePermissions', 'The user does not have sufficient permissions for this file.');
    files.delete(file.id);
    for (const child of [...files.values()].filter((candidate) => candidate.parents.includes(file.id))) deleteFile(user, child.id);
  }

  const listFiles = (user: OAuthUser, matches: (file: DriveFile) => boolean) =>
    [...files.values()].filter((file) => roots.get(file.ownerEmail) !== file.id && canRead(user, file) && matches(file));

  function share(user: OAuthUser, fileId: string, body: Record<string, unknown>, transferOwnership: boolean): Permission {
    const file = fileOf(user, fileId, 'write');
    const { type, role, emailAddress, domain } = body;
    if (typeof role !== 'string' || !ROLES.includes(role)) throw invalid(`Invalid role: ${String(role)}`, 'role');
    if (typeof type !== 'string' || !PERMISSION_TYPES.includes(type)) throw invalid(`Invalid permission type: ${String(type)}`, 'type');
    if ((type === 'user' || type === 'group') && typeof emailAddress !== 'string')
      throw required('The emailAddress of a user or group permission is required.');
    if (type === 'domain' && typeof domain !== 'string') throw required('The domain of a domain permission is required.');
    if (role === 'owner' && !transferOwnership)
      throw new GoogleApiError(403, 'forbidden', "The transferOwnership parameter must be enabled when the permission role is 'owner'.");
    const subject = type === 'anyone' ? 'anyoneWithLink' : String(emailAddress ?? domain);
    const permission: Permission = {
      id: type === 'anyone' ? 'anyoneWithLink' : permissionIdOf(subject),
      type: type as Permission['type'],
      role,
      ...(typeof emailAddress === 'string' && { emailAddress }),
      ...(typeof domain === 'string' && { domain }),
    };
    file.permissions = [...file.permissions.filter((existing) => existing.id !== permission.id), permission];
    return permission;
  }

  function unshare(user: OAuthUser, fileId: string, permissionId: string) {
    const file = fileOf(user, fileId, 'write');
    if (!file.permissions.some((permission) => permission.id === permissionId))
      throw new GoogleApiError(404, 'notFound', `Permission not found: ${permissionId}.`, { location: 'permissionId', locationType: 'parameter' });
    file.permissions = file.permissions.filter((permission) => permission.id !== permissionId);
  }

  const permissionResource = (permission: Permission) => ({ kind: 'drive#permission', ...permission });

  /** The whole file resource; a request's `fields` (or Drive's few default fields) trims it. */
  function fileResource(file: DriveFile, viewer: OAuthUser) {
    const isFolder = file.mimeType === FOLDER_MIME_TYPE;
    return {
      kind: 'drive#file',
      id: file.id,
      name: file.name,
      mimeType: file.mimeType,
      parents: file.parents,
      ...(file.description !== undefined && { description: file.description }),
      ...(Object.keys(file.appProperties).length > 0 && { appProperties: file.appProperties }),
      ...(Object.keys(file.properties).length > 0 && { properties: file.properties }),
      trashed: file.trashed,
      starred: false,
      createdTime: file.createdTime,
      modifiedTime: file.modifiedTime,
      owners: [
        {
          kind: 'drive#user',
          displayName: file.ownerName,
          emailAddress: file.ownerEmail,
          me: file.ownerEmail === viewer.email,
          permissionId: permissionIdOf(file.ownerEmail),
        },
      ],
      ownedByMe: file.ownerEmail === viewer.email,
      shared: file.permissions.length > 1,
      webViewLink: isFolder ? `https://drive.google.com/drive/folders/${file.id}` : `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
      ...(file.content && {
        webContentLink: `https://drive.google.com/uc?id=${file.id}&export=download`,
        size: String(file.content.length),
        md5Checksum: createHash('md5').update(file.content).digest('hex'),
      }),
      permissions: file.permissions.map(permissionResource),
    };
  }

  return {
    rootOf,
    fileOf,
    createFile,
    updateFile,
    deleteFile,
    listFiles,
    share,
    unshare,
    fileResource,
    permissionResource,
    /** Every file (roots aside), for assertions and the control API. */
    allFiles: () => [...files.values()].filter((file) => roots.get(file.ownerEmail) !== file.id),
    reset() {
      files.clear();
      roots.clear();
      permissionIds.clear();
      for (const sequence of Object.values(ids)) sequence.reset();
    },
  };
}

export type DriveStore = ReturnType<typeof createDriveStore>;
