/**
 * The GovernanceBox the actions use: Box's file, collaboration, trash and upload calls through
 * the official SDK and the scan's RequestScheduler (given: the runner shares the scan's, so a
 * running scan and an action run keep to one rate). An admin reaches a user's content As-User of
 * its owner; the quarantine folder ("Admin quarantine" in the admin's own root) is the admin's.
 * Never keeps a shared link's URL: a state holds its access levels only.
 */
import { randomBytes } from 'node:crypto';
import type { BoxClient } from 'box-node-sdk';
import type { SerializedData } from 'box-node-sdk/serialization/json';
import type { FileGovernanceState, GovernanceCollaboration } from '../../../common/policy/types';
import { appErrors } from '../../../common/errors/error-codes';
import type { ConnectionManager } from '../connection/connection-manager';
import { networkSessionFor } from '../auth/box-endpoints';
import { scanClient } from '../scan/box-api';
import type { RequestScheduler } from '../scan/scheduler';
import type { GovernanceBox, LinkAccess, SharedLinkState, WrittenState } from './action';
import { BoxApiError } from '../scan/box-api';
import { collaboratorLogin, isExternalCollaborator } from '../box/external';
import { BoxCalls, BoxConflictError, isNotFound } from './box-calls';
import { QuarantineStore, type QuarantineOrigin, type QuarantineRecord } from './quarantine-store';

export const QUARANTINE_FOLDER_NAME = 'Admin quarantine';
const FILE_FIELDS = 'name,etag,sha1,modified_at,parent,path_collection,shared_link,trashed_at,owned_by';

interface FileJson {
  id: string;
  name?: string;
  etag?: string | null;
  sha1?: string | null;
  modified_at?: string | null;
  parent?: { id: string } | null;
  path_collection?: { entries: { id: string; name: string }[] };
  shared_link?: LinkJson | null;
  trashed_at?: string | null;
  owned_by?: { id: string };
}
interface LinkJson {
  access?: string;
  effective_access?: string;
  is_password_enabled?: boolean;
  unshared_at?: string | null;
  permissions?: { can_download?: boolean; can_preview?: boolean; can_edit?: boolean };
}
interface CollabJson {
  id: string;
  role?: string;
  status?: string;
  accessible_by?: { type?: string; id?: string; login?: string } | null;
  invite_email?: string | null;
}

export interface GovernanceOptions {
  home: string;
  admin: { id: string; login: string };
  /**
   * The scan's member list: who is external is decided from it as the scan decides
   * (main/core/box/external.ts). Absent: the enterprise's managed users, listed once on first need.
   */
  isMember?: (userId: string) => boolean;
}

export class BoxGovernance implements GovernanceBox {
  private readonly calls: BoxCalls;
  private readonly store: QuarantineStore;
  private members: Promise<(userId: string) => boolean> | null = null;
  private quarantine: { id: string; path: string } | null = null;
  private readonly logins = new Map<string, string>();

  constructor(
    private readonly client: BoxClient,
    scheduler: RequestScheduler,
    private readonly o: GovernanceOptions,
  ) {
    this.calls = new BoxCalls(client, scheduler);
    this.calls.selfId = o.admin.id;
    this.store = new QuarantineStore(o.home);
  }

  /** Signed in as whom: one /users/me through the scheduler. */
  static async open(
    client: BoxClient,
    scheduler: RequestScheduler,
    o: Omit<GovernanceOptions, 'admin'>,
  ): Promise<BoxGovernance> {
    const me = await new BoxCalls(client, scheduler).json<{ id: string; login: string }>(
      'governance-me',
      'GET',
      '/users/me',
      {
        params: { fields: 'id,login' },
      },
    );
    return new BoxGovernance(client, scheduler, { ...o, admin: { id: me.id, login: me.login } });
  }

  /**
   * The member list the scan holds; else (none given, or one without the admin: the scan has not
   * listed the users yet, and every collaborator would look external) the enterprise's managed
   * users, read once (marker paging, as the scan).
   */
  private memberCheck(): Promise<(userId: string) => boolean> {
    const given = this.o.isMember;
    if (given?.(this.o.admin.id)) return Promise.resolve(given);
    this.members ??= this.listMembers().catch((e: unknown) => {
      this.members = null; // not kept: the next read tries again
      throw e;
    });
    return this.members;
  }

  private async listMembers(): Promise<(userId: string) => boolean> {
    const ids = new Set<string>([this.o.admin.id]);
    let marker: string | null | undefined = null;
    do {
      const params: Record<string, string> = { usemarker: 'true', limit: '1000', user_type: 'managed', fields: 'id' };
      if (marker) params.marker = marker;
      const page = await this.calls.json<{ entries: { id: string }[]; next_marker?: string | null }>(
        'governance-users',
        'GET',
        '/users',
        { params },
      );
      for (const u of page.entries) ids.add(u.id);
      marker = page.next_marker;
    } while (marker);
    return (id) => ids.has(id);
  }

  stopWith(signal: AbortSignal): void {
    this.calls.stopWith(signal);
  }

  sdk(asUserId?: string): BoxClient {
    return asUserId ? this.client.withAsUserHeader(asUserId) : this.client;
  }

  async readFile(fileId: string, owner?: string | null): Promise<FileGovernanceState> {
    const ownerId = owner ? await this.userIdOf(owner) : null;
    const { file, as, trashed } = await this.findFile(fileId, ownerId);
    const folders = (file.path_collection?.entries ?? []).filter((e) => e.id !== '0');
    const collaborations = trashed ? [] : await this.collaborationsOf(fileId, folders, as);
    return { ...this.stateOf(fileId, file, trashed), collaborations };
  }

  /** The state's fields a file answer (a GET's, or a write's with FILE_FIELDS) holds: all but the collaborations. */
  private stateOf(fileId: string, file: FileJson, trashed: boolean): WrittenState {
    const folders = (file.path_collection?.entries ?? []).filter((e) => e.id !== '0');
    const parentId = file.parent?.id ?? '0';
    const link = file.shared_link;
    const record = this.quarantineRecord(fileId, parentId);
    return {
      fileId,
      name: file.name ?? '',
      etag: file.etag ?? null,
      sha1: file.sha1 ?? null,
      modifiedAt: file.modified_at ?? null,
      parentId,
      parentPath: `/${folders.map((f) => f.name).join('/')}`,
      sharedLink: link ? linkState(link) : null,
      trashed,
      ownerId: file.owned_by?.id,
      quarantinedFrom: record
        ? { parentId: record.parentId, parentPath: record.parentPath, ownerId: record.ownerId }
        : null,
      quarantineNoteId: record?.noteId ?? null,
    };
  }

  /** The quarantine record of a file that is in the quarantine now: in its own folder there (or, recorded before those, at the top). */
  private quarantineRecord(fileId: string, parentId: string): QuarantineRecord | null {
    const record = this.store.record(fileId);
    if (!record) return null;
    const inQuarantine = parentId === (record.folderId ?? this.store.folderOf(this.o.admin.id));
    return inQuarantine ? record : null;
  }

  /**
   * A Box user id, or a login (what the findings show) looked up once among the enterprise's
   * users (GET /users?filter_term, an admin's call).
   */
  private async userIdOf(owner: string): Promise<string> {
    if (!owner.includes('@')) return owner;
    const known = this.logins.get(owner.toLowerCase());
    if (known) return known;
    const page = await this.calls.json<{ entries: { id: string; login: string }[] }>(
      'governance-users',
      'GET',
      '/users',
      {
        params: { filter_term: owner, fields: 'id,login', limit: '100' },
      },
    );
    const found = page.entries.find((u) => u.login.toLowerCase() === owner.toLowerCase());
    if (!found) throw new BoxApiError(404, 'not_found', `no user ${owner} in the enterprise`);
    this.logins.set(owner.toLowerCase(), found.id);
    return found.id;
  }

  /**
   * The file as its owner sees it; else as the admin (it is in the quarantine, the admin's);
   * else in the owner's trash. Box's 404 when none has it.
   */
  private async findFile(
    fileId: string,
    ownerId: string | null,
  ): Promise<{ file: FileJson; as: string | null; trashed: boolean }> {
    const tries: Array<{ as: string | null; trash: boolean }> = [
      ...(ownerId ? [{ as: ownerId, trash: false }] : []),
      { as: null, trash: false },
      { as: ownerId, trash: true },
    ];
    let last: unknown = null;
    for (const t of tries) {
      try {
        const path = t.trash ? `/files/${fileId}/trash` : `/files/${fileId}`;
        const file = await this.calls.json<FileJson>('governance-read', 'GET', path, {
          asUser: t.as,
          params: { fields: FILE_FIELDS },
        });
        return { file, as: t.as, trashed: t.trash || (file.trashed_at ?? null) !== null };
      } catch (e) {
        if (!isNotFound(e)) throw e;
        last = e;
      }
    }
    throw last instanceof Error ? last : new BoxApiError(404, 'not_found', 'Not Found');
  }

  /** The file's own collaborations, then each folder's above it (inherited: they cannot be removed on the file). */
  private async collaborationsOf(
    fileId: string,
    folders: { id: string }[],
    as: string | null,
  ): Promise<GovernanceCollaboration[]> {
    // One page of up to 1,000: a file or folder with more collaborators is not a case actions handle.
    const page = (path: string) =>
      this.calls.json<{ entries: CollabJson[] }>('governance-collaborations', 'GET', path, {
        asUser: as,
        params: { limit: '1000' },
      });
    const isMember = await this.memberCheck();
    const own = (await page(`/files/${fileId}/collaborations`)).entries.map((c) => collab(c, null, isMember));
    const inherited: GovernanceCollaboration[] = [];
    for (const f of folders) {
      for (const c of (await page(`/folders/${f.id}/collaborations`)).entries)
        inherited.push(collab(c, f.id, isMember));
    }
    return [...own, ...inherited];
  }

  async quarantineFolder(): Promise<{ id: string; path: string }> {
    if (this.quarantine) return this.quarantine;
    const path = `/${QUARANTINE_FOLDER_NAME}`;
    const known = this.store.folderOf(this.o.admin.id);
    if (known) {
      try {
        await this.calls.json('governance-read', 'GET', `/folders/${known}`, { params: { fields: 'id' } });
        return (this.quarantine = { id: known, path });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    // Made before (the home's record lost): the one in the admin's root is it.
    const id = await this.folderNamed(QUARANTINE_FOLDER_NAME, '0');
    this.store.setFolder(this.o.admin.id, id);
    return (this.quarantine = { id, path });
  }

  /**
   * The file's own folder in the quarantine, named by its id (made on first use; one made
   * before is found by Box's 409), so two files of the same name never clash in there.
   */
  async quarantineFolderOf(fileId: string): Promise<{ id: string; path: string }> {
    const q = await this.quarantineFolder();
    return { id: await this.folderNamed(fileId, q.id), path: `${q.path}/${fileId}` };
  }

  /** The folder of this name in `parentId`: made now, or the one Box's 409 names as there already. */
  private async folderNamed(name: string, parentId: string): Promise<string> {
    try {
      const body = { name, parent: { id: parentId } };
      const made = await this.calls.json<{ id: string }>('governance-write', 'POST', '/folders', {
        body,
        params: { fields: 'id' },
      });
      return made.id;
    } catch (e) {
      if (!(e instanceof BoxConflictError) || !e.conflictId) throw e;
      return e.conflictId;
    }
  }

  /** The PUT answers with the file, asked for with the read's fields: the state after, but for the collaborations. */
  async setSharedLink(fileId: string, access: LinkAccess | null, asUser: string | null): Promise<WrittenState> {
    const body = { shared_link: access === null ? null : { access } };
    const file = await this.calls.json<FileJson>('governance-write', 'PUT', `/files/${fileId}`, {
      asUser,
      body,
      params: { fields: FILE_FIELDS },
    });
    return this.stateOf(fileId, file, (file.trashed_at ?? null) !== null);
  }

  async restoreSharedLink(fileId: string, link: SharedLinkState, asUser: string | null, o: { newPassword: boolean }) {
    await this.calls.json('governance-write', 'PUT', `/files/${fileId}`, {
      asUser,
      body: { shared_link: restoredLinkBody(link, o.newPassword) },
      params: { fields: 'shared_link' },
    });
  }

  async moveFile(fileId: string, parentId: string, asUser: string | null): Promise<void> {
    const body = { parent: { id: parentId } };
    await this.calls.json('governance-write', 'PUT', `/files/${fileId}`, {
      asUser,
      body,
      params: { fields: 'parent' },
    });
  }

  async trashFile(fileId: string, asUser: string | null): Promise<void> {
    try {
      await this.calls.json('governance-write', 'DELETE', `/files/${fileId}`, { asUser });
    } catch (e) {
      // A retry after a lost answer finds it gone: in the trash already is done.
      if (!isNotFound(e) || !(await this.found(`/files/${fileId}/trash`, asUser))) throw e;
    }
  }

  async restoreFile(fileId: string, asUser: string | null, parentId?: string): Promise<void> {
    const body = parentId ? { parent: { id: parentId } } : {};
    try {
      await this.calls.json('governance-write', 'POST', `/files/${fileId}`, { asUser, body, params: { fields: 'id' } });
    } catch (e) {
      // Out of the trash already (a retry after a lost answer) is done.
      if (!isNotFound(e) || !(await this.found(`/files/${fileId}`, asUser))) throw e;
    }
  }

  /** Whether GET `path` finds the item. */
  private async found(path: string, asUser: string | null): Promise<boolean> {
    try {
      await this.calls.json('governance-read', 'GET', path, { asUser, params: { fields: 'id' } });
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  async removeCollaboration(collaborationId: string, asUser: string | null): Promise<void> {
    try {
      await this.calls.json('governance-write', 'DELETE', `/collaborations/${collaborationId}`, { asUser });
    } catch (e) {
      if (!isNotFound(e)) throw e; // already removed (a retry after a lost answer, or by someone else)
    }
  }

  async inviteToFile(fileId: string, login: string, role: string, asUser: string | null): Promise<string> {
    const body = { item: { type: 'file', id: fileId }, accessible_by: { type: 'user', login }, role };
    try {
      const made = await this.calls.json<{ id: string }>('governance-write', 'POST', '/collaborations', {
        asUser,
        body,
        params: { notify: 'false', fields: 'id' },
      });
      return made.id;
    } catch (e) {
      if (!(e instanceof BoxApiError && e.code === 'user_already_collaborator')) throw e;
      // Invited already (a retry after a lost answer): that collaboration is the one.
      const now = await this.readFile(fileId, asUser);
      const found = now.collaborations.find((c) => c.inheritedFromFolderId === null && sameLogin(c.login, login));
      if (!found) throw e;
      return found.collaborationId;
    }
  }

  async uploadText(folderId: string, name: string, text: string, asUser: string | null): Promise<string> {
    try {
      return await this.calls.upload(folderId, name, Buffer.from(text, 'utf8'), asUser);
    } catch (e) {
      if (e instanceof BoxConflictError && e.conflictId) return e.conflictId;
      throw e;
    }
  }

  async rememberQuarantine(fileId: string, from: QuarantineOrigin, noteId: string, folderId: string): Promise<void> {
    this.store.remember(fileId, { ...from, noteId, folderId });
    return Promise.resolve();
  }

  async forgetQuarantine(fileId: string): Promise<void> {
    this.store.forget(fileId);
    return Promise.resolve();
  }
}

/** The governance box for the signed-in connection, sharing `scheduler` (the scan's). */
export async function governanceFor(
  connection: ConnectionManager,
  scheduler: RequestScheduler,
  o: Omit<GovernanceOptions, 'admin'>,
): Promise<BoxGovernance> {
  const profile = connection.profile();
  if (!profile) throw appErrors.not_connected();
  const client = scanClient(connection.session(), networkSessionFor(profile.endpoints));
  return BoxGovernance.open(client, scheduler, o);
}

function linkState(link: LinkJson): SharedLinkState {
  const p = link.permissions;
  return {
    access: (link.access ?? 'open') as LinkAccess,
    effectiveAccess: link.effective_access ?? link.access ?? 'open',
    passwordEnabled: link.is_password_enabled === true,
    unsharedAt: link.unshared_at ?? null,
    permissions: {
      canDownload: p?.can_download ?? true,
      canPreview: p?.can_preview ?? true,
      canEdit: p?.can_edit ?? false,
    },
  };
}

/**
 * The PUT body that puts `link` back: its access, expiry and permissions (Box takes
 * can_download only on an open or company link), and with `newPassword` a new random password
 * (Box takes one only on an open link) that is sent once and kept nowhere.
 */
function restoredLinkBody(link: SharedLinkState, newPassword: boolean): { [k: string]: SerializedData } {
  const body: { [k: string]: SerializedData } = { access: link.access };
  if (link.unsharedAt) body.unshared_at = link.unsharedAt;
  if (link.permissions && link.access !== 'collaborators') {
    const { canDownload, canEdit } = link.permissions;
    body.permissions = { can_download: canDownload, ...(canEdit ? { can_edit: true } : {}) };
  }
  if (newPassword && link.access === 'open') body.password = randomLinkPassword();
  return body;
}

/** 32 random characters (192 bits) and a fixed tail that meets Box's rule (a digit, an upper-case letter, a symbol). */
function randomLinkPassword(): string {
  return `${randomBytes(24).toString('base64url')}A1-`;
}

/** One collaboration as a state records it; who is external as the scan decides (main/core/box/external.ts). */
function collab(c: CollabJson, folderId: string | null, isMember: (id: string) => boolean): GovernanceCollaboration {
  const status = c.status === 'pending' || c.status === 'rejected' ? c.status : 'accepted';
  return {
    collaborationId: c.id,
    login: collaboratorLogin(c),
    role: c.role ?? 'viewer',
    status,
    external: isExternalCollaborator(c, isMember),
    inheritedFromFolderId: folderId,
  };
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
