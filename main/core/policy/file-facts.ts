/**
 * What a policy sees of one file, read from the scan store: the findings' own row (the same
 * SELECT the findings table uses) plus the owner's groups. A file queued again keeps its last
 * known access level and findings here, so a rescan does not make every match vanish and come
 * back as a new alert. Runs in the core.
 */
import type { AccessLevel } from '../../../common/scan/access-level';
import type { Findings } from '../../../common/scan/detectors';
import type { InspectionState } from '../../../common/scan/inspection';
import { FILE_STATUS, FileState } from '../../../common/scan/states';
import type { PolicyFileFacts } from '../../../common/policy/types';
import { INSPECTION_SQL, type JoinedRow } from '../scan/store/queries';

export type FactsRow = JoinedRow & { owner_groups: string | null };

/** The findings' columns (files f, folders d) with the owner's groups as a JSON array. */
export const FACT_COLUMNS = `f.*, d.path AS path, ${INSPECTION_SQL} AS inspection_shown,
  (SELECT json_group_array(g.group_name) FROM user_groups g WHERE g.user_id = f.owner_id) AS owner_groups`;

export const SELECT_FACTS = `SELECT ${FACT_COLUMNS} FROM files f LEFT JOIN folders d ON d.id = f.folder_id`;

export function factsOf(r: FactsRow): PolicyFileFacts {
  return {
    fileId: r.id,
    name: r.name ?? '',
    ext: r.ext ?? '',
    path: r.path ?? '/',
    ownerLogin: r.owner_login ?? '',
    ownerGroups: r.owner_groups ? (JSON.parse(r.owner_groups) as string[]) : [],
    sizeBytes: r.size,
    modifiedAt: r.modified_at,
    sha1: r.sha1,
    accessLevel: r.access_level as AccessLevel | null,
    externalCollaborators: r.ext_collaborators ? (JSON.parse(r.ext_collaborators) as string[]) : [],
    inspection: r.inspection_shown as InspectionState,
    findings: r.findings ? (JSON.parse(r.findings) as Findings) : null,
    status: FILE_STATUS[r.state] ?? 'queued',
  };
}

/** Policies check scan results: a file queued and never scanned yet is not looked at (the live matcher never sees one). */
export function awaitsFirstScan(r: Pick<FactsRow, 'state' | 'scan_count'>): boolean {
  return r.state === FileState.queued && r.scan_count === 0;
}
