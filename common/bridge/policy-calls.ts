/**
 * The policies and governance part of the bridge contract: policies (templates, save, remove,
 * import/export, live preview, matches), action runs (plan = dry run, apply, pause, resume,
 * cancel), the audit log with undo, and alerts. Live counts arrive as `policyMatches`, new
 * matches as `policyAlerts` (batched), a running action's progress as `actionRunProgress`.
 * Spread into contract.ts. Runs everywhere.
 */
import { z } from 'zod';
import { actionSpecSchema, policyFilterSchema, policyIdSchema, policySchema } from '../policy/schema';
import { TEMPLATE_IDS } from '../policy/types';
import type { ActionRun, AuditPage, PlannedChange, PolicyAlert, PolicySummary, PolicyTemplate } from '../policy/types';
import type { FindingsPage } from '../scan/types';
import { noArgs } from './no-args';

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };
const runId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a run id');
const actionId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'an action id');

export const policyCallArgs = {
  listPolicyTemplates: noArgs,
  listPolicies: noArgs,
  createPolicyFromTemplate: z.object({ templateId: z.enum(TEMPLATE_IDS) }).strict(),
  /** Creates or replaces (same id) a policy. */
  savePolicy: z.object({ policy: policySchema }).strict(),
  removePolicy: z.object({ id: policyIdSchema }).strict(),
  /** A policy file's text (what exportPolicy writes); its id is kept when free. */
  importPolicy: z.object({ json: z.string().max(256 * 1024) }).strict(),
  /** Writes the policy file under <home>/exports/ and returns its path. */
  exportPolicy: z.object({ id: policyIdSchema }).strict(),
  /** The editor's live preview: what a filter matches now, without saving it. */
  previewPolicy: z.object({ filter: policyFilterSchema, ...page }).strict(),
  listPolicyMatches: z.object({ id: policyIdSchema, ...page }).strict(),
  /** Marks a policy's new matches and alerts as seen. */
  markPolicySeen: z.object({ id: policyIdSchema }).strict(),
  listAlerts: z.object({ unseenOnly: z.boolean().optional(), ...page }).strict(),
  /** The dry run: nothing changes in Box. */
  planAction: z.object({ policyId: policyIdSchema, action: actionSpecSchema.optional() }).strict(),
  listRunChanges: z.object({ runId, ...page }).strict(),
  /** `confirmCount`: required and equal to the planned count above 100 files. */
  applyRun: z.object({ runId, confirmCount: z.number().int().min(0).optional() }).strict(),
  pauseRun: z.object({ runId }).strict(),
  resumeRun: z.object({ runId }).strict(),
  cancelRun: z.object({ runId }).strict(),
  listRuns: z.object(page).strict(),
  listAudit: z.object({ runId: runId.optional(), ...page }).strict(),
  undoAction: z.object({ actionId }).strict(),
  undoRun: z.object({ runId }).strict(),
  exportAudit: z.object({ format: z.enum(['csv', 'json']) }).strict(),
};

export interface PolicyCallResults {
  listPolicyTemplates: PolicyTemplate[];
  listPolicies: PolicySummary[];
  createPolicyFromTemplate: PolicySummary;
  savePolicy: PolicySummary;
  removePolicy: { removed: boolean };
  importPolicy: PolicySummary;
  exportPolicy: { path: string; bytes: number };
  previewPolicy: FindingsPage;
  listPolicyMatches: FindingsPage;
  markPolicySeen: PolicySummary;
  listAlerts: { total: number; unseen: number; entries: PolicyAlert[] };
  planAction: { run: ActionRun; firstChanges: PlannedChange[] };
  listRunChanges: { total: number; offset: number; limit: number; entries: PlannedChange[] };
  applyRun: ActionRun;
  pauseRun: ActionRun;
  resumeRun: ActionRun;
  cancelRun: ActionRun;
  listRuns: { total: number; entries: ActionRun[] };
  listAudit: AuditPage;
  undoAction: ActionRun;
  undoRun: ActionRun;
  exportAudit: { path: string; format: 'csv' | 'json'; rows: number; bytes: number };
}

export interface PolicyEventPayloads {
  /** Every policy's live match count, at most 4 times a second. */
  policyMatches: { counts: Array<{ policyId: string; matches: number; newMatches: number }> };
  /** The alerts raised since the last event, oldest first: at most 10 events a second. */
  policyAlerts: { alerts: PolicyAlert[] };
  actionRunProgress: ActionRun;
}
