/**
 * One file of an apply, and of an undo. Before every change the file is read again from Box:
 * if it was edited since the scan, no longer matches the policy, or the change no longer does
 * anything, the entry is skipped with the reason. Otherwise `applying` is committed with the
 * state before, then Box is asked, then `applied` with the state after. Whatever stops a change
 * part-way (a failure, a pause or cancel, a kill), the log ends as Box is, read again:
 * - made → applied (with after, undoable);
 * - made in part (some of an action's several steps, and nothing else changed: `partly`) →
 *   applied, undoable, the reason "partly applied: …", the state before kept, so an undo puts
 *   back what was done; under a pause it stays `applying`, and the resume does only the rest;
 *   any other difference is someone else's change, never logged as the action's;
 * - not made → failed (a failure), planned again (a pause), skipped (a cancel);
 * - Box cannot be read → left `applying` with the reason: a resume or the next run settles it.
 * So no change is ever made twice, and none is logged other than Box has it.
 */
import type { AuditEntry, FileGovernanceState, Policy } from '../../../common/policy/types';
import { sanitiseMessage } from '../scan/failures';
import type { GovernanceAction, GovernanceBox } from './action';
import type { AuditStore } from './audit-store';
import { changedParts, editedSinceScan, freshFacts, whatChanged } from './facts';
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
  if (editedSinceScan(stored, now)) return 'it was edited since the scan';
  const fresh = freshFacts(stored, now);
  if (!c.policies.matchesFilter(c.policy.filter, fresh))
    return `no longer matches the policy: ${whatChanged(stored, fresh)}`;
  const applicable = c.action.applies(e.action, now);
  return applicable.ok ? null : applicable.reason;
}

const undoable = (c: EntryContext) => typeof c.action.undo === 'function';

/** What of the change `now` shows made, when it shows the action done in part (else none). */
function doneParts(c: EntryContext, e: AuditEntry, before: FileGovernanceState, now: FileGovernanceState): string[] {
  return c.action.partly?.(e.action, before, now) ? changedParts(before, now) : [];
}

/** Box has the change in part: applied (undo puts back what was done), with what stopped the rest. */
function markPartly(c: EntryContext, e: AuditEntry, now: FileGovernanceState, parts: string[], why: string): void {
  c.audit.markApplied(e.actionId, now, {
    undoable: undoable(c),
    reason: `partly applied: ${why} (done: ${parts.join('; ')})`,
  });
}

/**
 * Asks Box for the change. `before` is what the file had before this change began: the state
 * just read, or, for a change a stop cut short, the state logged then (so an undo puts back
 * what the first part did too); the action works on `now`, doing only what is left.
 */
async function change(
  c: EntryContext,
  e: AuditEntry,
  now: FileGovernanceState,
  before: FileGovernanceState,
): Promise<EntryOutcome> {
  c.audit.markApplying(e.actionId, before);
  try {
    const after = await c.action.apply(c.box, e.action, now);
    c.audit.markApplied(e.actionId, after, { undoable: undoable(c) });
    return 'applied';
  } catch (error) {
    // Stopped mid-change: the entry stays `applying`; the run settles it once its work has stopped.
    if (isAbort(error)) return 'stopped';
    return afterFailure(c, e, before, reasonOf(error));
  }
}

/** A change that failed part-way: the log says what Box has now, read again. */
async function afterFailure(
  c: EntryContext,
  e: AuditEntry,
  before: FileGovernanceState,
  reason: string,
): Promise<EntryOutcome> {
  let now: FileGovernanceState;
  try {
    now = await c.box.readFile(e.fileId, before.ownerId ?? null);
  } catch (error) {
    if (isAbort(error)) return 'stopped';
    c.audit.markUnsettled(
      e.actionId,
      `${reason}; whether Box made the change is not known (the file could not be read back: ${reasonOf(error)}): a resume or the next run settles it`,
    );
    return 'failed';
  }
  if (c.action.isApplied(e.action, before, now)) {
    c.audit.markApplied(e.actionId, now, { undoable: undoable(c) });
    return 'applied';
  }
  const parts = doneParts(c, e, before, now);
  if (parts.length > 0) {
    markPartly(c, e, now, parts, reason);
    return 'applied';
  }
  c.audit.markFailed(e.actionId, reason);
  return 'failed';
}

/** A planned (or unsettled) entry: re-read, re-check, change. */
export async function applyEntry(c: EntryContext, e: AuditEntry): Promise<EntryOutcome> {
  const now = await readNow(c, e, e.before?.ownerId ?? c.policies.ownerId(e.fileId));
  if (typeof now === 'string') return now;
  // A change a stop or a kill cut short: what the file had before it began.
  const begun = e.state === 'applying' ? e.before : null;
  if (begun && c.action.isApplied(e.action, begun, now)) {
    c.audit.markApplied(e.actionId, now, { undoable: undoable(c) });
    return 'applied';
  }
  const reason = skipReason(c, e, now);
  const parts = begun ? doneParts(c, e, begun, now) : [];
  if (reason && parts.length > 0) {
    markPartly(c, e, now, parts, `the rest was not done: ${reason}`);
    return 'applied';
  }
  if (reason) {
    c.audit.markSkipped(e.actionId, reason, now);
    return 'skipped';
  }
  return change(c, e, now, parts.length > 0 && begun ? begun : now);
}

export type StopMode = 'pause' | 'cancel';

/**
 * An entry its run left `applying` when it stopped (or earlier, Box unreadable then): settled
 * by reading the file. Nothing is asked of Box but the read.
 */
export async function settleEntry(c: EntryContext, e: AuditEntry, mode: StopMode | 'done'): Promise<void> {
  const original = c.audit.undoneByEntry(e.actionId); // set for an undo run's entry
  const owner = original?.after?.ownerId ?? e.before?.ownerId ?? c.policies.ownerId(e.fileId);
  let now: FileGovernanceState;
  try {
    now = await c.box.readFile(e.fileId, owner);
  } catch (error) {
    if (isGone(error) && mode !== 'pause') return c.audit.markSkipped(e.actionId, 'the file is gone from Box', null);
    const words = mode === 'done' ? 'its run ended' : `the run was ${mode === 'pause' ? 'paused' : 'cancelled'}`;
    return c.audit.markUnsettled(
      e.actionId,
      `whether Box made the change is not known: ${words} and the file could not be read (${reasonOf(error)}); a resume or the next run settles it`,
    );
  }
  if (original) return settleUndo(c, e, original, now, mode);
  const before = e.before ?? now;
  if (c.action.isApplied(e.action, before, now)) return c.audit.markApplied(e.actionId, now, { undoable: undoable(c) });
  const parts = doneParts(c, e, before, now);
  // Paused part-way: left `applying` with its state before; the resume does only the rest.
  if (parts.length > 0 && mode === 'pause') return;
  if (parts.length > 0) return markPartly(c, e, now, parts, `the run stopped part-way (${mode})`);
  if (mode === 'pause') return c.audit.markPlanned(e.actionId);
  if (mode === 'cancel') return c.audit.markSkipped(e.actionId, 'cancelled before the change', now);
  c.audit.markFailed(e.actionId, 'the change was not made (the file read again after its run had ended)');
}

/** An undo entry: undone when the original change no longer shows; else as a change not made. */
function settleUndo(
  c: EntryContext,
  e: AuditEntry,
  original: AuditEntry,
  now: FileGovernanceState,
  mode: StopMode | 'done',
): void {
  if (original.before && !c.action.isApplied(original.action, original.before, now)) {
    c.audit.markApplied(e.actionId, now, { undoable: false, reason: undoReason(c, original, now) });
    c.audit.markUndone(original.actionId, e.actionId);
    return;
  }
  if (mode === 'pause') return c.audit.markPlanned(e.actionId);
  c.audit.markSkipped(
    e.actionId,
    mode === 'cancel'
      ? 'cancelled before the undo'
      : 'the undo was not made (the file read again after its run had ended)',
    now,
  );
}

/** What the undo's row says: the action's own note (a link's new password), or who was re-invited. */
function undoReason(c: EntryContext, original: AuditEntry, after: FileGovernanceState): string | null {
  const before = original.before!;
  return (original.after && c.action.undoNote?.(before, original.after, after)) ?? reinvited(before, after);
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
  // Changed since the action (re-shared, moved out of quarantine…): the undo would overwrite
  // that, so it is not made. An undo cut short is `applying` and goes on (what it did differs).
  const since = e.state === 'planned' ? changedParts(original.after, now) : [];
  if (since.length > 0) {
    c.audit.markSkipped(e.actionId, `changed since the action: ${since.join('; ')}`, now);
    return 'skipped';
  }
  c.audit.markApplying(e.actionId, now);
  try {
    const after = await c.action.undo(c.box, original.action, original.before, original.after);
    const note = undoReason(c, original, after);
    c.audit.markApplied(e.actionId, after, { undoable: false, reason: note });
    c.audit.markUndone(original.actionId, e.actionId);
    return 'applied';
  } catch (error) {
    if (isAbort(error)) return 'stopped';
    c.audit.markFailed(e.actionId, reasonOf(error));
    return 'failed';
  }
}
