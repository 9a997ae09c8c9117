/**
 * The GovernanceBox the actions use: Box's file, collaboration, trash and upload calls through
 * the official SDK and the scan's RequestScheduler (given: the runner shares the scan's, so a
 * running scan and an action run keep to one rate). An admin reaches a user's content As-User of
 * its owner; the quarantine folder ("Admin quarantine" in the admin's own root) is the admin's.
 * Never keeps a shared link's URL: a state holds its access levels only.
 */
import type { BoxClient } from 'box-node-sdk';
import type { FileGovernanceState, GovernanceCollaboration } from '../../../common/policy/types';
import { appErrors } from '../../../common/errors/error-codes';
import type { ConnectionManager } from '../connection/connection-manager';
import { networkSessionFor } from '../auth/box-endpoints';
import { scanClient } from '../scan/box-api';
import type { RequestScheduler } from '../scan/scheduler';
import type { GovernanceBox, LinkAccess, WrittenState } from './action';
import { BoxApiError } from '../scan/box-api';
import { BoxCalls, BoxConflictError, isNotFound } from './box-calls';
import { QuarantineStore, type QuarantineOrigin } from './quarantine-store';

export const QUARANTINE_FOLDER_NAME = 'Admin quarantine';
const FILE_FIELDS = 'name,etag,parent,path_collection,shared_link,trashed_at,owned_by';

interface FileJson {
  id: string;
  name?: string;
  etag?: string | null;
  parent?: { id: string } | null;
  path_collection?: { entries: { id: string; name: string }[] };
  shared_link?: { access?: string; effective_access?: string; is_password_enabled?: boolean } | null;
  trashed_at?: string | null;
  owned_by?: { id: string };
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
  /** Domains of the enterprise besides the admin's own (a collaborator elsewhere is external). */
  internalDomains?: string[];
  /** The scan's member list, when known: a Box user id of the enterprise is internal whatever the domain. */
  isMember?: (userId: string) => boolean;
}

export class BoxGovernance implements GovernanceBox {
  private readonly calls: BoxCalls;
  private readonly store: QuarantineStore;
  private readonly domains: Set<string>;
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
    this.domains = new Set([domainOf(o.admin.login), ...(o.internalDomains ?? []).map((d) => d.toLowerCase())]);
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

  stopWith(signal: AbortSignal): void {
    this.calls.stopWith(signal);
  }

  isExternal(login: string): boolean {
    return !this.domains.has(domainOf(login));
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
    const record = parentId === this.store.folderOf(this.o.admin.id) ? this.store.record(fileId) : null;
    return {
      fileId,
      name: file.name ?? '',
      etag: file.etag ?? null,
      parentId,
      parentPath: `/${folders.map((f) => f.name).join('/')}`,
      sharedLink: link
        ? {
            access: (link.access ?? 'open') as LinkAccess,
            effectiveAccess: link.effective_access ?? link.access ?? 'open',
            passwordEnabled: link.is_password_enabled === true,
          }
        : null,
      trashed,
      ownerId: file.owned_by?.id,
      quarantinedFrom: record
        ? { parentId: record.parentId, parentPath: record.parentPath, ownerId: record.ownerId }
        : null,
      quarantineNoteId: record?.noteId ?? null,
    };
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
    const own = (await page(`/files/${fileId}/collaborations`)).entries.map((c) => this.collab(c, null));
    const inherited: GovernanceCollaboration[] = [];
    for (const f of folders) {
      for (const c of (await page(`/folders/${f.id}/collaborations`)).entries) inherited.push(this.collab(c, f.id));
    }
    return [...own, ...inherited];
  }

  private collab(c: CollabJson, folderId: string | null): GovernanceCollaboration {
    const who = c.accessible_by;
    const login = who?.login ?? c.invite_email ?? '';
    const member = who?.type === 'group' || (who?.id !== undefined && this.o.isMember?.(who.id) === true);
    const status = c.status === 'pending' || c.status === 'rejected' ? c.status : 'accepted';
    return {
      collaborationId: c.id,
      login,
      role: c.role ?? 'viewer',
      status,
      external: !member && this.isExternal(login),
      inheritedFromFolderId: folderId,
    };
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
    let id: string;
    try {
      const body = { name: QUARANTINE_FOLDER_NAME, parent: { id: '0' } };
      id = (
        await this.calls.json<{ id: string }>('governance-write', 'POST', '/folders', {
          body,
          params: { fields: 'id' },
        })
      ).id;
    } catch (e) {
      // Made before (the home's record lost): the one in the admin's root is it.
      if (!(e instanceof BoxConflictError) || !e.conflictId) throw e;
      id = e.conflictId;
    }
    this.store.setFolder(this.o.admin.id, id);
    return (this.quarantine = { id, path });
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

  async rememberQuarantine(fileId: string, from: QuarantineOrigin, noteId: string): Promise<void> {
    this.store.remember(fileId, { ...from, noteId });
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

function domainOf(login: string): string {
  return login.slice(login.lastIndexOf('@') + 1).toLowerCase();
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
