/**
 * Phase 3: discovery. Each reachable user's root is listed (As-User, except for the signed-in
 * account itself); their own top folders are walked as them. A folder shared with several
 * users is walked once, as its owner, or as the first collaborator who can reach it when the
 * owner cannot be acted as. Listings ask for every field a scan needs (so most files need no
 * request of their own) and page with markers; each page's files and the folder's next marker
 * are committed together, so a restart resumes mid-folder. Collaborations are read per folder
 * where they start (a folder with collaborations under one without); below, they are inherited.
 */
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
import { yieldToIo } from '../event-loop';
import type { FolderRow, ScanStore, UserRow } from '../store/scan-store';
import { extOf } from './events';
import { collaboratorLogin, isExternalCollaborator } from '../../box/external';

export const LIST_FIELDS = 'name,size,sha1,modified_at,owned_by,shared_link,has_collaborations,is_externally_owned';

interface Item {
  type: 'file' | 'folder' | 'web_link';
  id: string;
  name?: string;
  size?: number;
  sha1?: string;
  modified_at?: string | null;
  owned_by?: { id: string; login?: string } | null;
  shared_link?: { effective_access?: string; is_password_enabled?: boolean } | null;
  has_collaborations?: boolean;
  is_externally_owned?: boolean;
}

interface Collab {
  accessible_by?: { type?: string; id?: string; login?: string } | null;
  invite_email?: string | null;
  status?: string;
}

export interface CollabSummary {
  externals: string[];
  internal: number;
}

/** External as main/core/box/external.ts decides (groups and members internal); pending counts. */
export function summariseCollabs(entries: Collab[], isMember: (id: string) => boolean): CollabSummary {
  const externals: string[] = [];
  let internal = 0;
  for (const c of entries) {
    if (c.status === 'rejected') continue;
    if (isExternalCollaborator(c, isMember)) externals.push(collaboratorLogin(c));
    else internal++;
  }
  return { externals, internal };
}

export async function collaborations(
  api: BoxApi,
  kind: 'folders' | 'files',
  id: string,
  asUser: string | null,
): Promise<Collab[]> {
  const out: Collab[] = [];
  let marker: string | null | undefined = null;
  do {
    const q = new URLSearchParams({ limit: '1000', fields: 'accessible_by,invite_email,status,role' });
    if (marker) q.set('marker', marker);
    const page: { entries: Collab[]; next_marker?: string | null } = await api.get(
      `/${kind}/${id}/collaborations?${q}`,
      { asUser, kind: 'collaborations', page: 'entries' },
    );
    out.push(...page.entries);
    marker = page.next_marker;
  } while (marker);
  return out;
}

function asUserFor(u: UserRow): string | null {
  return u.self ? null : u.id;
}

export interface DiscoveryDeps {
  api: BoxApi;
  store: ScanStore;
  isMember(id: string): boolean;
  onNewFiles(n: number): void;
}

/** Lists one user's root; their top folders (and shares nobody else can walk) become work. */
export async function listRoot(d: DiscoveryDeps, u: UserRow): Promise<void> {
  const asUser = asUserFor(u);
  let marker: string | null | undefined = null;
  do {
    const q = new URLSearchParams({ usemarker: 'true', limit: '1000', fields: LIST_FIELDS });
    if (marker) q.set('marker', marker);
    let page: { entries: Item[]; next_marker?: string | null };
    try {
      page = await d.api.get(`/folders/0/items?${q}`, { asUser, kind: 'listing', page: 'items' });
    } catch (e) {
      if (e instanceof BoxApiError && e.status === 403) {
        d.store.tx(() =>
          d.store.upsertUser({ ...u, reachable: 0, reason: `Box refused to act as this user: ${e.message}` }),
        );
        return;
      }
      throw e;
    }
    d.store.tx(() => {
      let added = 0;
      for (const it of page.entries) {
        if (it.type === 'folder') {
          const owner = it.owned_by?.id ?? u.id;
          const ownerRow = owner === u.id ? u : d.store.user(owner);
          if (owner !== u.id && ownerRow && ownerRow.reachable) continue; // walked as its owner
          d.store.insertFolder({
            id: it.id,
            name: it.name ?? '',
            path: `/${it.name ?? ''}`,
            parent_id: '0',
            owner_id: owner,
            as_user: asUser,
            has_collabs: it.has_collaborations ? 1 : 0,
            collab_ext: null,
            collab_int: 0,
            collab_known: 0,
          });
        } else if (it.type === 'file') {
          if (d.store.insertListedFile(listed(it, '0', u, asUser, '/'))) added++;
        }
      }
      d.onNewFiles(added);
    });
    marker = page.next_marker;
  } while (marker);
  d.store.tx(() => d.store.markRootDone(u.id));
}

function listed(it: Item, folderId: string, u: Pick<UserRow, 'id' | 'login'>, asUser: string | null, path: string) {
  const name = it.name ?? '';
  return {
    id: it.id,
    name,
    ext: extOf(name),
    folderId,
    ownerId: it.owned_by?.id ?? u.id,
    ownerLogin: it.owned_by?.login ?? u.login,
    asUser,
    size: it.size ?? null,
    sha1: it.sha1 ?? null,
    modifiedAt: it.modified_at ?? null,
    linkEffective: it.shared_link?.effective_access ?? null,
    linkPassword: it.shared_link?.is_password_enabled === true,
    hasCollabs: it.has_collaborations === true,
    externallyOwned: it.is_externally_owned === true,
    reason: `discovered in ${path}`,
  };
}

/** Lists one page of a folder (reading its collaborations first where they start). */
export async function listFolderPage(d: DiscoveryDeps, f: FolderRow): Promise<void> {
  if (f.has_collabs && !f.collab_known) {
    const parent = f.parent_id && f.parent_id !== '0' ? d.store.folder(f.parent_id) : undefined;
    if (!parent || !parent.has_collabs) {
      const s = summariseCollabs(await collaborations(d.api, 'folders', f.id, f.as_user), d.isMember);
      d.store.tx(() => d.store.setFolderCollabs(f.id, s.externals, s.internal));
      f = { ...f, collab_ext: JSON.stringify(s.externals), collab_int: s.internal, collab_known: 1 };
    }
  }
  const q = new URLSearchParams({ usemarker: 'true', limit: '1000', fields: LIST_FIELDS });
  if (f.marker) q.set('marker', f.marker);
  let page: { entries: Item[]; next_marker?: string | null };
  try {
    page = await d.api.get(`/folders/${f.id}/items?${q}`, { asUser: f.as_user, kind: 'listing', page: 'items' });
  } catch (e) {
    if (e instanceof BoxApiError && (e.status === 404 || e.status === 403)) {
      d.store.tx(() => d.store.folderPage(f.id, null, 0)); // gone or no longer reachable
      return;
    }
    throw e;
  }
  // A page of 1,000 entries is stored in chunks, each its own short transaction with a turn of
  // I/O between (one transaction held the core's thread for tens of ms, and a bridge call with
  // it). The marker moves with the last chunk; a restart mid-page lists the page again, and
  // the rows already stored are upserts.
  for (let i = 0; i === 0 || i < page.entries.length; i += PAGE_CHUNK) {
    if (i > 0) await yieldToIo();
    const last = i + PAGE_CHUNK >= page.entries.length;
    d.store.tx(() => {
      const added = storeEntries(d, f, page.entries.slice(i, i + PAGE_CHUNK));
      if (last) d.store.folderPage(f.id, page.next_marker || null, page.entries.length);
      d.onNewFiles(added);
    });
  }
}

const PAGE_CHUNK = 250;

/** A listing's folders and files under `f`; returns how many files are new to the store. */
function storeEntries(d: DiscoveryDeps, f: FolderRow, entries: Item[]): number {
  const owner = { id: f.owner_id ?? '', login: '' };
  let added = 0;
  for (const it of entries) {
    if (it.type === 'folder') {
      // Inherit the parent's collaborations unless the child's own start here.
      const inherit = f.has_collabs === 1;
      d.store.insertFolder({
        id: it.id,
        name: it.name ?? '',
        path: `${f.path}/${it.name ?? ''}`,
        parent_id: f.id,
        owner_id: it.owned_by?.id ?? f.owner_id,
        as_user: f.as_user,
        has_collabs: it.has_collaborations ? 1 : 0,
        collab_ext: inherit ? f.collab_ext : null,
        collab_int: inherit ? f.collab_int : 0,
        collab_known: inherit ? f.collab_known : 0,
      });
    } else if (it.type === 'file') {
      if (d.store.insertListedFile(listed(it, f.id, owner, f.as_user, f.path))) added++;
    }
  }
  return added;
}
