/**
 * Scanning one file: access level from shared link + collaborations (folder-level, inherited;
 * the file's own only where they can change the answer), owner, external collaborators. Its
 * content is read by content-reader.ts (never again for a SHA-1 already inspected).
 */
import { accessLevel } from '../../../../common/scan/access-level';
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
import type { FileRow, FolderRow, ScanResult } from '../store/scan-store';
import type { ContentOutcome } from './content-plan';
import { collaborations, summariseCollabs, type CollabSummary } from './discovery';

export const FILE_FIELDS =
  'name,size,sha1,modified_at,owned_by,shared_link,has_collaborations,is_externally_owned,parent';

export function folderCollabs(folder: FolderRow | undefined): CollabSummary {
  if (!folder || !folder.has_collabs || !folder.collab_known) return { externals: [], internal: 0 };
  return { externals: JSON.parse(folder.collab_ext ?? '[]') as string[], internal: folder.collab_int };
}

/**
 * The file's own collaborations are read whenever it has some (about 1 file in 100): not only
 * when they could change its access level, since a policy filters on every external
 * collaborator's domain, on the file or inherited (issue 17). `folder` is what it inherits.
 */
export function needsFileCollabs(f: Pick<FileRow, 'has_collabs' | 'link_effective'>, folder: CollabSummary): boolean {
  void folder;
  return f.has_collabs === 1;
}

export interface FreshFile {
  name: string;
  size: number | null;
  sha1: string | null;
  modifiedAt?: string | null;
  linkEffective: string | null;
  linkPassword: boolean;
  hasCollabs: boolean;
  ownerId: string | null;
  ownerLogin: string | null;
  folderId: string | null;
}

/** Re-reads a file that an event changed (its listing data is stale). null = gone/unreachable. */
export async function fetchFile(api: BoxApi, f: FileRow): Promise<FreshFile | null> {
  try {
    const it = await api.get<{
      name?: string;
      size?: number;
      sha1?: string;
      modified_at?: string;
      owned_by?: { id: string; login?: string };
      shared_link?: { effective_access?: string; is_password_enabled?: boolean } | null;
      has_collaborations?: boolean;
      parent?: { id: string } | null;
    }>(`/files/${f.id}?fields=${FILE_FIELDS}`, { asUser: f.as_user, kind: 'file' });
    return {
      name: it.name ?? f.name,
      size: it.size ?? null,
      sha1: it.sha1 ?? null,
      modifiedAt: it.modified_at ?? null,
      linkEffective: it.shared_link?.effective_access ?? null,
      linkPassword: it.shared_link?.is_password_enabled === true,
      hasCollabs: it.has_collaborations === true,
      ownerId: it.owned_by?.id ?? f.owner_id,
      ownerLogin: it.owned_by?.login ?? f.owner_login,
      folderId: it.parent?.id ?? null,
    };
  } catch (e) {
    if (e instanceof BoxApiError && (e.status === 404 || e.status === 403)) return null;
    throw e;
  }
}

/** Local part of a scan (no requests): what a listing row and its folder already tell. */
export function localResult(
  f: FileRow,
  folder: CollabSummary,
  own: CollabSummary | null,
  inspection: ContentOutcome,
): ScanResult {
  const externals = [...new Set([...folder.externals, ...(own?.externals ?? [])])];
  return {
    accessLevel: accessLevel({
      linkEffectiveAccess: f.link_effective,
      linkPasswordEnabled: f.link_password === 1,
      externalCollaborators: externals.length,
      internalCollaborators: folder.internal + (own?.internal ?? 0),
    }),
    extCollaborators: externals,
    inspection: inspection.state,
    inspectionReason: inspection.reason,
    findings: inspection.findings,
    scannedSha1: inspection.sha1,
    inspectionMethod: inspection.method,
    locations: inspection.locations,
    reused: inspection.reused,
  };
}

export async function ownCollabs(api: BoxApi, f: FileRow, isMember: (id: string) => boolean): Promise<CollabSummary> {
  return summariseCollabs(await collaborations(api, 'files', f.id, f.as_user), isMember);
}
