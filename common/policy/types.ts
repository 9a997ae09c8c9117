/**
 * Policies and governance actions: the shapes shared by the core, the CLI and the UI.
 * One shape per concept:
 * - `Policy`: a filter over findings plus what to do on a match (stored as JSON in the app
 *   home; import and export are the same file, `POLICY_FORMAT`).
 * - `PolicyFileFacts`: what a policy sees of one file (built from the scan store's row).
 * - `FileGovernanceState`: what an action reads from Box before and after a change; the audit
 *   log's `before`/`after` and every undo are made of it. It never holds a shared link's URL
 *   (a bearer capability) or any file content.
 * - `ActionRun` / `AuditEntry`: a dry run that becomes an applied run, and one row per file.
 * Runs everywhere: no Node, no DOM.
 */
import type { AccessLevel } from '../scan/access-level';
import type { DetectorKind, Findings } from '../scan/detectors';
import type { InspectionState } from '../scan/inspection';
import type { FileStatus } from '../scan/types';

export const POLICY_FORMAT = 'box-companion-policy/1' as const;

export const TEMPLATE_IDS = [
  'public-card-numbers',
  'personal-email-domains',
  'sensitive-shared-externally',
  'stale-public-links',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/**
 * Every governance action. The CLI's `--action` takes these names. `remove-collaborator`
 * needs `login`; `restrict-shared-link` needs `access`. Undo is not an action of its own:
 * each action's undo is defined with it (see `UNDO_OF`).
 */
export const ACTION_NAMES = [
  'remove-shared-link',
  'restrict-shared-link',
  'remove-external-collaborators',
  'remove-collaborator',
  'quarantine',
  'restore-from-quarantine',
  'trash',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export type ActionSpec =
  | { name: 'remove-shared-link' }
  | { name: 'restrict-shared-link'; access: 'company' | 'collaborators' }
  | {
      name: 'remove-external-collaborators';
      /**
       * Whom, by login domain (case-insensitive): `include` given, only those at these domains;
       * `exclude`, never those at these. Absent: every external collaborator. A policy's run
       * fills it from the filter's includeDomains / excludeDomains (actionForPolicy).
       */
      domains?: { include?: string[]; exclude?: string[] };
    }
  | { name: 'remove-collaborator'; login: string }
  | { name: 'quarantine' }
  | { name: 'restore-from-quarantine' }
  | { name: 'trash' };

/** What undoing each action does, in words for the UI and the CLI's help. null: no undo. */
export const UNDO_OF: Record<ActionName, string | null> = {
  'remove-shared-link':
    're-creates the shared link with its previous access level, expiry and permissions (Box gives it a new URL; a password link gets a new password nobody knows)',
  'restrict-shared-link': "restores the shared link's previous access level",
  'remove-external-collaborators': 're-invites each removed collaborator with their role (a new collaboration)',
  'remove-collaborator': 're-invites the collaborator with their role (a new collaboration)',
  quarantine: 'moves the file back to its folder and removes the note',
  'restore-from-quarantine': 'moves the file back into quarantine',
  trash: 'restores the file from the trash',
};

/**
 * A filter over findings. Every field given must hold (AND); within a list, any value (OR).
 * An empty filter matches every file.
 */
export interface PolicyFilter {
  accessLevels?: AccessLevel[];
  /**
   * External collaborators (logins outside the enterprise, on the file or inherited).
   * `present`: true = at least one, false = none. `includeDomains`: at least one external
   * collaborator's domain is listed. `excludeDomains`: at least one external collaborator's
   * domain is NOT listed (shared outside the trusted partners).
   */
  external?: { present?: boolean; includeDomains?: string[]; excludeDomains?: string[] };
  /** Sensitive data: `mode` any (default) or all of the minimum counts hold. */
  detectors?: { mode?: 'any' | 'all'; min: Array<{ detector: DetectorKind; count: number }> };
  /** The owner's login, case-insensitive. */
  owners?: string[];
  /** The owner belongs to one of these Box groups (by name, case-insensitive). */
  groups?: string[];
  /** The file's folder path starts with this ("/Finance/Payroll"); case-insensitive, whole segments. */
  pathPrefix?: string;
  /** Lower-case extensions without the dot. */
  extensions?: string[];
  size?: { minBytes?: number; maxBytes?: number };
  /** `olderThanDays`: not modified in that many days (relative to now, re-evaluated daily). */
  modified?: { before?: string; after?: string; olderThanDays?: number };
  inspection?: InspectionState[];
}

export interface AutomaticAction {
  action: ActionSpec;
  /** The cap: at most this many files changed per rolling hour by this policy and action. */
  maxPerHour: number;
}

export interface Policy {
  format: typeof POLICY_FORMAT;
  id: string;
  name: string;
  description?: string;
  /** The template it was made from, if any. */
  template?: TemplateId;
  filter: PolicyFilter;
  /** The action a run proposes by default (the UI's and `policy run` without `--action`). */
  action?: ActionSpec;
  /** Opt-in, per action; empty or absent = nothing automatic. */
  automatic?: AutomaticAction[];
  /** Raise an alert for each new match (default true). */
  alerts?: boolean;
}

/** What a policy sees of one file. */
export interface PolicyFileFacts {
  fileId: string;
  name: string;
  ext: string;
  /** The folder path, as the findings show it. */
  path: string;
  ownerLogin: string;
  ownerGroups: string[];
  sizeBytes: number | null;
  modifiedAt: string | null;
  /** The content's SHA-1 as the scan store knows it (absent: not known). */
  sha1?: string | null;
  accessLevel: AccessLevel | null;
  externalCollaborators: string[];
  inspection: InspectionState;
  findings: Findings | null;
  status: FileStatus;
}

export interface PolicySummary {
  policy: Policy;
  /** Files matching now. */
  matches: number;
  /** Matches since the admin last looked (the alert badge). */
  newMatches: number;
  updatedAt: string;
}

export interface PolicyTemplate {
  id: TemplateId;
  name: string;
  description: string;
  policy: Policy;
}

/** A new match, raised live as the scan writes a result. */
export interface PolicyAlert {
  alertId: string;
  policyId: string;
  policyName: string;
  fileId: string;
  fileName: string;
  at: string;
  seen: boolean;
}

export interface GovernanceCollaboration {
  collaborationId: string;
  login: string;
  role: string;
  status: 'accepted' | 'pending' | 'rejected';
  external: boolean;
  /** Set when inherited from a folder: an action on the file alone cannot remove it. */
  inheritedFromFolderId: string | null;
}

/** A file's sharing and place as read from Box just before (or after) a change. */
export interface FileGovernanceState {
  fileId: string;
  name: string;
  /** Box's etag when read: a change made since then is detected. */
  etag: string | null;
  /** The content's SHA-1 and Box's modified_at when read (absent in states logged before they were read). */
  sha1?: string | null;
  modifiedAt?: string | null;
  parentId: string;
  parentPath: string;
  sharedLink: {
    access: 'open' | 'company' | 'collaborators';
    effectiveAccess: string;
    passwordEnabled: boolean;
    /** When Box removes the link (ISO date-time); null: never. Absent in states logged before it was read. */
    unsharedAt?: string | null;
    /** What people with the link may do, as Box has it. Absent in states logged before it was read. */
    permissions?: { canDownload: boolean; canPreview: boolean; canEdit: boolean };
  } | null;
  collaborations: GovernanceCollaboration[];
  trashed: boolean;
  /** The quarantine note's file id, when this state is "in quarantine". */
  quarantineNoteId?: string | null;
  /** The owner's Box user id when read: the actions act As-User of them. */
  ownerId?: string;
  /** Set when the file is in the admin quarantine: where it came from, and whose it was. */
  quarantinedFrom?: { parentId: string; parentPath: string; ownerId: string } | null;
}

export interface PlannedChange {
  fileId: string;
  name: string;
  path: string;
  ownerLogin: string;
  action: ActionSpec;
  /** The exact change in words: "Remove the shared link (Public (Internet))". */
  change: string;
}

export const RUN_STATES = ['preview', 'applying', 'paused', 'cancelled', 'done', 'interrupted'] as const;
export type RunState = (typeof RUN_STATES)[number];

export interface ActionRun {
  runId: string;
  policyId: string;
  policyName: string;
  action: ActionSpec;
  state: RunState;
  /** An undo run undoes this run. */
  undoOf: string | null;
  automatic: boolean;
  by: string;
  createdAt: string;
  confirmedAt: string | null;
  finishedAt: string | null;
  counts: { planned: number; applied: number; skipped: number; failed: number; undone: number };
  /** Changes per second while applying. */
  perSecond: number;
}

export const ENTRY_STATES = ['planned', 'applying', 'applied', 'skipped', 'failed', 'undone'] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** One row of the audit log: one file in one run. */
export interface AuditEntry {
  actionId: string;
  runId: string;
  policyId: string;
  fileId: string;
  fileName: string;
  action: ActionSpec;
  state: EntryState;
  by: string;
  at: string;
  before: FileGovernanceState | null;
  after: FileGovernanceState | null;
  /** Why skipped or failed, in words. */
  reason: string | null;
  /** The undo's action id, once undone. */
  undoneBy: string | null;
  /** Whether Box lets this change be undone now. */
  undoable: boolean;
}

export interface AuditPage {
  total: number;
  offset: number;
  limit: number;
  entries: AuditEntry[];
}
