/**
 * Scanning one file: access level from shared link + collaborations (folder-level, inherited;
 * the file's own only where they can change the answer), owner, external collaborators, and
 * content inspection for text-like files up to 30 MB and 1 million characters. Content is
 * downloaded only when inspection needs it (never again for an unchanged SHA-1).
 */
import { accessLevel } from '../../../../common/scan/access-level';
import { detect } from '../../../../common/scan/detectors';
import {
  MAX_INSPECT_BYTES,
  MAX_INSPECT_CHARS,
  NO_TEXT_EXTENSIONS,
  TEXT_EXTENSIONS,
} from '../../../../common/scan/priority';
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
import { sanitiseMessage } from '../failures';
import type { FileRow, FolderRow, ScanResult } from '../store/scan-store';
import { collaborations, summariseCollabs, type CollabSummary } from './discovery';

export const FILE_FIELDS = 'name,size,sha1,owned_by,shared_link,has_collaborations,is_externally_owned,parent';

export function folderCollabs(folder: FolderRow | undefined): CollabSummary {
  if (!folder || !folder.has_collabs || !folder.collab_known) return { externals: [], internal: 0 };
  return { externals: JSON.parse(folder.collab_ext ?? '[]') as string[], internal: folder.collab_int };
}

/** The file's own collaborations are read only when they could change its access level. */
export function needsFileCollabs(f: Pick<FileRow, 'has_collabs' | 'link_effective'>, folder: CollabSummary): boolean {
  if (!f.has_collabs || f.link_effective === 'open' || folder.externals.length > 0) return false;
  return true;
}

export type InspectionPlan =
  { kind: 'download' } | { kind: 'reuse' } | { kind: 'final'; state: 'Not applicable' | 'Failed'; reason: string };

export function inspectionPlan(
  f: Pick<FileRow, 'ext' | 'size' | 'sha1' | 'scanned_sha1' | 'inspection'>,
): InspectionPlan {
  if (TEXT_EXTENSIONS.has(f.ext)) {
    if ((f.size ?? 0) > MAX_INSPECT_BYTES) return { kind: 'final', state: 'Failed', reason: 'too large (over 30 MB)' };
    if (f.sha1 && f.scanned_sha1 === f.sha1 && (f.inspection === 'Completed' || f.inspection === 'Failed'))
      return { kind: 'reuse' };
    return { kind: 'download' };
  }
  if (NO_TEXT_EXTENSIONS.has(f.ext))
    return { kind: 'final', state: 'Not applicable', reason: 'no text to inspect (image, audio or video)' };
  return { kind: 'final', state: 'Failed', reason: `unsupported type (.${f.ext || 'no extension'})` };
}

export type InspectionOutcome = { state: string; reason: string | null; findings: string | null; sha1: string | null };

/** What can be said about a file's content with no request: final, reused, or Pending. */
export function localInspection(f: FileRow): InspectionOutcome {
  const plan = inspectionPlan(f);
  if (plan.kind === 'final') return { state: plan.state, reason: plan.reason, findings: null, sha1: f.sha1 };
  if (plan.kind === 'reuse')
    return { state: f.inspection ?? 'Completed', reason: f.inspection_reason, findings: f.findings, sha1: f.sha1 };
  return { state: 'Pending', reason: null, findings: null, sha1: null };
}

export interface FreshFile {
  name: string;
  size: number | null;
  sha1: string | null;
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
      owned_by?: { id: string; login?: string };
      shared_link?: { effective_access?: string; is_password_enabled?: boolean } | null;
      has_collaborations?: boolean;
      parent?: { id: string } | null;
    }>(`/files/${f.id}?fields=${FILE_FIELDS}`, { asUser: f.as_user, kind: 'file' });
    return {
      name: it.name ?? f.name,
      size: it.size ?? null,
      sha1: it.sha1 ?? null,
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
  inspection: { state: string; reason: string | null; findings: string | null; sha1: string | null },
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
  };
}

export async function inspect(
  api: BoxApi,
  f: FileRow,
): Promise<{ state: string; reason: string | null; findings: string | null; sha1: string | null }> {
  const plan = inspectionPlan(f);
  if (plan.kind === 'final') return { state: plan.state, reason: plan.reason, findings: null, sha1: f.sha1 };
  if (plan.kind === 'reuse')
    return { state: f.inspection ?? 'Completed', reason: f.inspection_reason, findings: f.findings, sha1: f.sha1 };
  let bytes: Buffer;
  try {
    bytes = await api.download(f.id, f.as_user, MAX_INSPECT_BYTES);
  } catch (e) {
    // Only what Box says about the file itself ends its inspection; a lost sign-in or an
    // outage goes up to the engine, which pauses or backs off with the file still Pending.
    if (e instanceof BoxApiError && e.status === 413)
      return { state: 'Failed', reason: 'too large (over 30 MB)', findings: null, sha1: f.sha1 };
    if (e instanceof BoxApiError && (e.status === 403 || e.status === 404))
      return {
        state: 'Failed',
        reason: `download refused by Box: ${sanitiseMessage(`HTTP ${e.status} ${e.message}`)}`,
        findings: null,
        sha1: null,
      };
    throw e;
  }
  let text = bytes.toString('utf8');
  if (text.length > MAX_INSPECT_CHARS)
    return { state: 'Failed', reason: 'too long (over 1 million characters)', findings: null, sha1: f.sha1 };
  // A message's headers are metadata (sender, recipients), not content: inspect the body.
  if (f.ext === 'eml') {
    const cut = text.search(/\r?\n\r?\n/);
    text = cut >= 0 ? text.slice(cut) : '';
  }
  return { state: 'Completed', reason: null, findings: JSON.stringify(detect(text)), sha1: f.sha1 };
}

export async function ownCollabs(api: BoxApi, f: FileRow, isMember: (id: string) => boolean): Promise<CollabSummary> {
  return summariseCollabs(await collaborations(api, 'files', f.id, f.as_user), isMember);
}
