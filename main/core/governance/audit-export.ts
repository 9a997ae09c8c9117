/**
 * The audit log exported as CSV or JSON, one row per entry (what happened; planned rows of
 * previews never applied are not in it). Before and after are summarised as the sharing an
 * admin reads (link access, collaborators, folder): the states themselves hold no link URL.
 */
import { chmodSync, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { AuditEntry, FileGovernanceState } from '../../../common/policy/types';
import { csvField } from '../scan/export';
import type { AuditStore } from './audit-store';

export const AUDIT_CSV_COLUMNS = [
  'action_id',
  'run_id',
  'policy_id',
  'file_id',
  'file_name',
  'action',
  'state',
  'by',
  'at',
  'before',
  'after',
  'reason',
  'undone_by',
  'undoable',
];

/** A state in words: "link open; 2 collaborators; /Finance" (or "trashed"). */
export function stateText(s: FileGovernanceState | null): string | null {
  if (!s) return null;
  if (s.trashed) return 'trashed';
  const link = s.sharedLink
    ? `link ${s.sharedLink.access}${s.sharedLink.passwordEnabled ? ' (password)' : ''}`
    : 'no link';
  const collabs = s.collaborations.map((c) => `${c.login}:${c.role}`).join(' ');
  return `${link}; collaborators: ${collabs || 'none'}; folder ${s.parentPath}`;
}

export function auditCsvRow(e: AuditEntry): string {
  return [
    e.actionId,
    e.runId,
    e.policyId,
    e.fileId,
    e.fileName,
    e.action.name,
    e.state,
    e.by,
    e.at,
    stateText(e.before),
    stateText(e.after),
    e.reason,
    e.undoneBy,
    e.undoable ? 'yes' : 'no',
  ]
    .map(csvField)
    .join(',');
}

async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** Writes every audit entry to `out`; returns how many. */
export async function writeAudit(
  store: AuditStore,
  format: 'csv' | 'json',
  out: NodeJS.WritableStream,
): Promise<number> {
  let n = 0;
  await write(out, format === 'csv' ? `${AUDIT_CSV_COLUMNS.join(',')}\r\n` : '[');
  for (const e of store.allAudit()) {
    await write(out, format === 'csv' ? `${auditCsvRow(e)}\r\n` : `${n ? ',' : ''}\n${JSON.stringify(e)}`);
    n++;
  }
  if (format === 'json') await write(out, '\n]\n');
  return n;
}

/** Writes the audit log under <home>/exports/ and returns where. */
export async function exportAuditFile(
  store: AuditStore,
  home: string,
  format: 'csv' | 'json',
  now = new Date(),
): Promise<{ path: string; format: 'csv' | 'json'; rows: number; bytes: number }> {
  const dir = join(home, 'exports');
  // Only the user: the log names files, owners and collaborators. One made wider before is narrowed.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, `audit-${now.toISOString().replace(/[:.]/g, '-')}.${format}`);
  const out = createWriteStream(path, { mode: 0o600 });
  const rows = await writeAudit(store, format, out);
  out.end();
  await once(out, 'close');
  return { path, format, rows, bytes: statSync(path).size };
}
