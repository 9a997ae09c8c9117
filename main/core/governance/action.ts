/**
 * What one governance action is, to the runner: read a file's state from Box, say in words what
 * the change is, apply it, recognise it as applied (after a crash), and undo it where Box allows.
 * Each action lives in actions/<name>.ts and implements this; the runner (plan, apply, audit,
 * undo) knows nothing about any one action. Runs in the core.
 */
import type { ActionName, ActionSpec, FileGovernanceState } from '../../../common/policy/types';

/** The Box calls actions make, over the official SDK and the scan's rate scheduler. */
export interface GovernanceBox {
  /** The file's sharing and place now (collaborations included, inherited ones marked). */
  readFile(fileId: string): Promise<FileGovernanceState>;
  /** The admin-only quarantine folder, created on first use. */
  quarantineFolder(): Promise<{ id: string; path: string }>;
  /** The enterprise's own domains: a collaborator elsewhere is external. */
  isExternal(login: string): boolean;
  /** Raw access for actions: the SDK client (as the admin) and the owner's As-User variant. */
  sdk(asUserId?: string): unknown;
}

export type Applicability = { ok: true } | { ok: false; reason: string };

export interface GovernanceAction<S extends ActionSpec = ActionSpec> {
  readonly name: ActionName;
  /** The exact change for this file, in words ("Remove the shared link (Open)"). */
  describe(spec: S, before: FileGovernanceState): string;
  /** Whether the change does anything to this file now; a skip reason otherwise. */
  applies(spec: S, before: FileGovernanceState): Applicability;
  /** Makes the change in Box; returns the state read back after it. */
  apply(box: GovernanceBox, spec: S, before: FileGovernanceState): Promise<FileGovernanceState>;
  /** After a crash mid-change: does `now` already show this change made (so never apply twice)? */
  isApplied(spec: S, before: FileGovernanceState, now: FileGovernanceState): boolean;
  /** Puts back `before` as far as Box allows; absent when Box has no undo for it. */
  undo?(
    box: GovernanceBox,
    spec: S,
    before: FileGovernanceState,
    after: FileGovernanceState,
  ): Promise<FileGovernanceState>;
}
