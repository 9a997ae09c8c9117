/**
 * What one governance action is, to the runner: read a file's state from Box, say in words what
 * the change is, apply it, recognise it as applied (after a crash), and undo it where Box allows.
 * Each action lives in actions/<name>.ts and implements this; the runner (plan, apply, audit,
 * undo) knows nothing about any one action. Runs in the core.
 */
import type { ActionName, ActionSpec, FileGovernanceState } from '../../../common/policy/types';

/** A shared link's access as Box takes it. */
export type LinkAccess = 'open' | 'company' | 'collaborators';

/** A shared link as a state records it (never its URL or password). */
export type SharedLinkState = NonNullable<FileGovernanceState['sharedLink']>;

/**
 * The Box calls actions make, over the official SDK and the scan's rate scheduler. `asUser`:
 * the Box user id to act as (the file's owner: an admin reaches a user's content only As-User);
 * null or absent: the admin themselves.
 */
export interface GovernanceBox {
  /**
   * The file's sharing and place now (collaborations included, inherited ones marked), read
   * As-User of its owner (`owner`: a Box user id, or the login the findings show); a file in
   * the quarantine (the admin's) or in the owner's trash is found too. Without an owner only
   * the admin's own files (and the quarantine) are found: Box shows an admin others' content
   * only As-User.
   */
  readFile(fileId: string, owner?: string | null): Promise<FileGovernanceState>;
  /** The admin-only quarantine folder, created on first use. */
  quarantineFolder(): Promise<{ id: string; path: string }>;
  /** The file's own folder inside the quarantine (named by its id), created on first use. */
  quarantineFolderOf(fileId: string): Promise<{ id: string; path: string }>;
  /** Raw access for actions: the SDK client (as the admin) and the owner's As-User variant. */
  sdk(asUserId?: string): unknown;
  /**
   * `access` null removes the link; otherwise creates it (a new URL) or changes its access.
   * Returns the file as Box's answer to the change shows it (no second read needed).
   */
  setSharedLink(fileId: string, access: LinkAccess | null, asUser: string | null): Promise<WrittenState>;
  /**
   * Makes the file's link as `link` was: its access, expiry and permissions (a removed link
   * comes back with a new URL). `newPassword`: the link gets a new random password, sent to Box
   * and kept nowhere, so a link that needed a password still does.
   */
  restoreSharedLink(
    fileId: string,
    link: SharedLinkState,
    asUser: string | null,
    o: { newPassword: boolean },
  ): Promise<void>;
  moveFile(fileId: string, parentId: string, asUser: string | null): Promise<void>;
  trashFile(fileId: string, asUser: string | null): Promise<void>;
  /** Out of the trash, into its folder, or into `parentId` when given. */
  restoreFile(fileId: string, asUser: string | null, parentId?: string): Promise<void>;
  /** Removes a collaboration; one already gone counts as removed. */
  removeCollaboration(collaborationId: string, asUser: string | null): Promise<void>;
  /** Invites a user by login; returns the NEW collaboration's id. */
  inviteToFile(fileId: string, login: string, role: string, asUser: string | null): Promise<string>;
  /** Uploads a small text file; one already there by that name is kept (its id returned). */
  uploadText(folderId: string, name: string, text: string, asUser: string | null): Promise<string>;
  /** Where a quarantined file came from, remembered before it is moved (no secrets: ids and a path). */
  rememberQuarantine(
    fileId: string,
    from: NonNullable<FileGovernanceState['quarantinedFrom']>,
    noteId: string,
    folderId: string,
  ): Promise<void>;
  forgetQuarantine(fileId: string): Promise<void>;
  /** The applying run's stop: the waits of the calls from now on end when it aborts. */
  stopWith?(signal: AbortSignal): void;
}

/** A file's state as a write's answer shows it: all of it but the collaborations, which no file answer holds. */
export type WrittenState = Omit<FileGovernanceState, 'collaborations'>;

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
  /**
   * For an action of several steps: does `now` show some of them made, and nothing else changed?
   * Absent (one step: made or not): a difference from `before` is someone else's change, never
   * this action's in part, so it is not logged as the action's (its undo would overwrite it).
   */
  partly?(spec: S, before: FileGovernanceState, now: FileGovernanceState): boolean;
  /**
   * What the undo could not put back as it was, in words for the undo's entry (null: nothing),
   * from the states before the change, after it, and after the undo.
   */
  undoNote?(before: FileGovernanceState, after: FileGovernanceState, undone: FileGovernanceState): string | null;
  /** Puts back `before` as far as Box allows; absent when Box has no undo for it. */
  undo?(
    box: GovernanceBox,
    spec: S,
    before: FileGovernanceState,
    after: FileGovernanceState,
  ): Promise<FileGovernanceState>;
}
