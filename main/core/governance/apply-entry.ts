/**
 * One file of an apply, and of an undo. Before every change the file is read again from Box:
 * if it no longer matches the policy, or the change no longer does anything, the entry is
 * skipped with the reason. Otherwise `applying` is committed with the state before, then Box
 * is asked, then `applied` with the state after. An entry found `applying` (a kill mid-change)
 * is settled by reading the file: already changed → applied; not → checked and applied now,
 * so no change is ever made twice.
 */
import type { AuditEntry, FileGovernanceState, Policy } from '../../../common/policy/types';
import { sanitiseMessage } from '../scan/failures';
import type { GovernanceAction, GovernanceBox } from './action';
import type { AuditStore } from './audit-store';
import { freshFacts, whatChanged } from './facts';
import type { PolicySource } from './policy-source';

export interface EntryContext {
  audit: AuditStore;
  box: GovernanceBox;
  policies: PolicySource;
  /** Absent for an undo run whose policy was since removed (an undo needs none). */
  policy: Policy | undefined;
  action: GovernanceAction;
}

export type EntryOutcome = 'applied' | 'skipped' | 'failed' | 'stopped';

export function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || (e as { code?: string }).code === 'ABORT_ERR');
}

function isGone(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { status?: number }).status === 404;
}

function reasonOf(e: unknown): string {
  return sanitiseMessage(e instanceof Error ? e.message : String(e));
}

/** The fresh state, or a skip / failure already written. */
async function readNow(
  c: EntryContext,
  e: AuditEntry,
  ownerId: string | null,
): Promise<FileGovernanceState | EntryOutcome> {
  try {
    return await c.box.readFile(e.fileId, ownerId);
  } catch (error) {
    if (isAbort(error)) return 'stopped';
    if (isGone(error)) {
      c.audit.markSkipped(e.actionId, 'the file is gone from Box (deleted or no longer reachable)', null);
      return 'skipped';
    }
    c.audit.markFailed(e.actionId, `could not read the file: ${reasonOf(error)}`);
    return 'failed';
  }
}

/** Why the change must not be made to the file as it is now, or null. */
function skipReason(c: EntryContext, e: AuditEntry, now: FileGovernanceState): string | null {
  if (!c.policy) return 'the policy was removed';
  const stored = c.policies.facts(e.fileId);
  if (!stored) return 'the file is no longer in the scan store';
  const fresh = freshFacts(stored, now);
  if (!c.policies.matchesFilter(c.policy.filter, fresh))
    return `no longer matches the policy: ${whatChanged(stored, fresh)}`;
  const applicable = c.action.applies(e.action, now);
  return applicable.ok ? null : applicable.reason;
}

async function change(c: EntryContext, e: AuditEntry, now: FileGovernanceState): Promise<EntryOutcome> {
  c.audit.markApplying(e.actionId, now);
  try {
    const after = await c.action.apply(c.box, e.action, now);
    c.audit.markApplied(e.actionId, after, { undoable: typeof c.action.undo === 'function' });
    return 'applied';
  } catch (error) {
    // Stopped mid-change: the entry stays `applying` and the resume settles it by reading Box.
    if (isAbort(error)) return 'stopped';
    c.audit.markFailed(e.actionId, reasonOf(error));
    return 'failed';
  }
}

/** A planned (or unsettled) entry: re-read, re-check, change. */
export async function applyEntry(c: EntryContext, e: AuditEntry): Promise<EntryOutcome> {
  const now = await readNow(c, e, e.before?.ownerId ?? c.policies.ownerId(e.fileId));
  if (typeof now === 'string') return now;
  if (e.state === 'applying' && e.before && c.action.isApplied(e.action, e.before, now)) {
    c.audit.markApplied(e.actionId, now, { undoable: typeof c.action.undo === 'function' });
    return 'applied';
  }
  const reason = skipReason(c, e, now);
  if (reason) {
    c.audit.markSkipped(e.actionId, reason, now);
    return 'skipped';
  }
  return change(c, e, now);
}

/** Collaborations the undo re-created, in words: Box gives each a new id, and the log says so. */
function reinvited(before: FileGovernanceState, after: FileGovernanceState): string | null {
  const was = new Map(before.collaborations.map((c) => [c.login.toLowerCase(), c.collaborationId]));
  const renewed = after.collaborations
    .filter((c) => was.has(c.login.toLowerCase()) && was.get(c.login.toLowerCase()) !== c.collaborationId)
    .map(
      (c) => `${c.login} as ${c.role}: new collaboration ${c.collaborationId} (was ${was.get(c.login.toLowerCase())})`,
    );
  return renewed.length ? `re-invited ${renewed.join('; ')}` : null;
}

/**
 * Undoes `original` (an applied entry of another run) as the undo run's entry `e`: the
 * original is marked undone by `e`, and `e` logs the state before (the original's after,
 * read again) and after the undo.
 */
export async function undoEntry(c: EntryContext, e: AuditEntry, original: AuditEntry): Promise<EntryOutcome> {
  if (!c.action.undo || !original.before || !original.after) {
    c.audit.markSkipped(e.actionId, 'Box has no undo for this change', null);
    return 'skipped';
  }
  const owner = original.after?.ownerId ?? original.before.ownerId ?? c.policies.ownerId(e.fileId);
  const now = await readNow(c, e, owner);
  if (typeof now === 'string') return now;
  c.audit.markApplying(e.actionId, now);
  try {
    const after = await c.action.undo(c.box, original.action, original.before, original.after);
    const note = c.action.undoNote?.(original.before, original.after, after) ?? reinvited(original.before, after);
    c.audit.markApplied(e.actionId, after, { undoable: false, reason: note });
    c.audit.markUndone(original.actionId, e.actionId);
    return 'applied';
  } catch (error) {
    if (isAbort(error)) return 'stopped';
    c.audit.markFailed(e.actionId, reasonOf(error));
    return 'failed';
  }
}
