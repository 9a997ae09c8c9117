/**
 * The governance calls through the bridge, as the Policies screen drives them: after a scan, a
 * policy from a template, its dry run, the apply (the call answers at once; `actionRunProgress`
 * follows, at most 10 a second, until the run is done), the audit log and its export, and the
 * undo of the run. A wrong id is refused with the call's own error.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun, AuditPage, PlannedChange, PolicySummary } from '../../../common/policy/types';
import type { ScanProgress } from '../../../common/scan/types';
import { dispatch } from '../../../main/core/bridge/dispatch';
import { createCore, type Core } from '../../../main/core/bridge/handlers';
import { InAppSandbox } from '../../../main/core/connection/in-app-sandbox';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { connectToSandbox, type Connected } from '../../helpers/connected';

let connected: Connected;
let core: Core;
const progress: Array<{ at: number; run: ActionRun }> = [];

async function call<T>(name: string, args: unknown): Promise<T> {
  const reply = await dispatch(core.handlers, name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** Resolves once the run's progress says it ended (already, or to come). */
function ended(runId: string): Promise<ActionRun> {
  return new Promise((resolve) => {
    const seen = progress.find((p) => p.run.runId === runId && p.run.state === 'done');
    if (seen) return resolve(seen.run);
    const off = core.events.on('actionRunProgress', (run) => {
      if (run.runId !== runId || run.state !== 'done') return;
      off();
      resolve(run);
    });
  });
}

beforeAll(async () => {
  connected = await connectToSandbox({ files: 1200, users: 12, seed: 1721 });
  core = createCore({
    home: connected.home,
    runtime: 'cli',
    secrets: new KeytarSecretStore(),
    settings: createNodeSettingsStore(connected.home),
    connection: connected.manager,
    sandbox: new InAppSandbox(),
    openBrowser: () => undefined,
  });
  core.events.on('actionRunProgress', (run) => progress.push({ at: performance.now(), run }));
  const scanned = new Promise<void>((resolve) => {
    core.events.on('scanProgress', (p: ScanProgress) => {
      if (p.phase === 'live' && p.backfill.done && p.files.queued === 0 && p.files.inspectionPending === 0) resolve();
    });
  });
  await call('startScan', { noBackfill: true });
  await scanned;
  await call('stopScan', {});
}, 300_000);

afterAll(async () => {
  await core?.dispose();
  await connected?.cleanup();
});

describe('governance through the bridge', () => {
  it('plans, applies with progress events, logs, exports and undoes a run', async () => {
    const summary = await call<PolicySummary>('createPolicyFromTemplate', { templateId: 'public-card-numbers' });
    const { run, firstChanges } = await call<{ run: ActionRun; firstChanges: PlannedChange[] }>('planAction', {
      policyId: summary.policy.id,
    });
    expect(run.state).toBe('preview');
    expect(run.counts.planned).toBeGreaterThan(0);
    expect(firstChanges).toHaveLength(Math.min(100, run.counts.planned));

    const done = ended(run.runId);
    const started = await call<ActionRun>('applyRun', { runId: run.runId, confirmCount: run.counts.planned });
    expect(started.state).toBe('applying');
    const final = await done;
    expect(final.counts).toMatchObject({ applied: run.counts.planned, failed: 0 });
    const times = progress.filter((p) => p.run.runId === run.runId).map((p) => p.at);
    for (let i = 10; i < times.length; i++) expect(times[i]! - times[i - 10]!).toBeGreaterThanOrEqual(900);

    const log = await call<AuditPage>('listAudit', { runId: run.runId });
    expect(log.total).toBe(run.counts.planned);
    const exported = await call<{ path: string; rows: number }>('exportAudit', { format: 'csv' });
    expect(exported.rows).toBe(run.counts.planned);
    expect(readFileSync(exported.path, 'utf8')).not.toMatch(/https?:\/\//);

    const undo = await call<ActionRun>('undoRun', { runId: run.runId });
    const undone = await ended(undo.runId);
    expect(undone.counts).toMatchObject({ applied: run.counts.planned, failed: 0 });
    const runs = await call<{ total: number; entries: ActionRun[] }>('listRuns', {});
    expect(runs.entries.find((r) => r.runId === run.runId)?.counts.undone).toBe(run.counts.planned);
  }, 300_000);

  it('refuses an unknown run or action with invalid_argument', async () => {
    const reply = await dispatch(core.handlers, 'undoAction', { actionId: 'a-nope' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid_argument');
    const apply = await dispatch(core.handlers, 'applyRun', { runId: 'r-nope' });
    expect(apply.ok).toBe(false);
  });
});
