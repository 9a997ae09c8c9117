/**
 * The runner's PolicySource over the policy store and the scan store: a policy's matches are
 * the scan store's rows its compiled filter accepts. Facts come from the findings as the table
 * shows them (path, access level, collaborators, inspection), plus the row's size.
 * TODO(#17): the store keeps no modified date or owner groups yet, so those filters see none
 * (a filter on them matches nothing, as compileFilter treats a missing fact).
 */
import { compileFilter } from '../../../common/policy/match';
import type { Policy, PolicyFileFacts, PolicyFilter } from '../../../common/policy/types';
import { FileState } from '../../../common/scan/states';
import type { FileFinding } from '../../../common/scan/types';
import type { PolicyStore } from '../policy/policy-store';
import type { FileRow, ScanStore } from '../scan/store/scan-store';
import { allFindings, toFinding } from '../scan/store/queries';
import type { PolicySource } from './policy-source';

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function factsOf(f: FileFinding, row: FileRow | undefined): PolicyFileFacts {
  return {
    fileId: f.fileId,
    name: f.name,
    ext: row?.ext ?? extOf(f.name),
    path: f.path,
    ownerLogin: f.ownerLogin,
    ownerGroups: [],
    sizeBytes: row?.size ?? null,
    modifiedAt: null,
    accessLevel: f.accessLevel,
    externalCollaborators: f.externalCollaborators,
    inspection: f.inspection,
    findings: f.findings,
    status: f.status,
  };
}

/** The inspection state as the findings show it (queries.ts's INSPECTION_SQL, for one row). */
function inspectionShown(r: FileRow): string {
  if (r.inspection) return r.inspection;
  return r.state === FileState.queued ? 'Pending' : r.state === FileState.failed ? 'Failed' : 'Not applicable';
}

export class ScanStorePolicies implements PolicySource {
  constructor(
    private readonly policies: PolicyStore,
    private readonly scan: ScanStore,
    private readonly now: () => number = Date.now,
  ) {}

  policy(id: string): Policy | undefined {
    return this.policies.get(id) ?? undefined;
  }

  *matches(policy: Policy): Iterable<PolicyFileFacts> {
    const match = compileFilter(policy.filter, this.now());
    for (const f of allFindings(this.scan.reader())) {
      const facts = factsOf(f, this.scan.file(f.fileId));
      if (match(facts)) yield facts;
    }
  }

  facts(fileId: string): PolicyFileFacts | undefined {
    const row = this.scan.file(fileId);
    if (!row) return undefined;
    const path = row.folder_id ? (this.scan.folder(row.folder_id)?.path ?? null) : null;
    return factsOf(toFinding({ ...row, path, inspection_shown: inspectionShown(row) }), row);
  }

  ownerId(fileId: string): string | null {
    return this.scan.file(fileId)?.owner_id ?? null;
  }

  matchesFilter(filter: PolicyFilter, facts: PolicyFileFacts): boolean {
    return compileFilter(filter, this.now())(facts);
  }
}
