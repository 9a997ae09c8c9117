/**
 * The audit log on real SQLite: a run and its entries survive closing the file; a run a dead
 * process left applying is found interrupted on open and on every listing while the store stays
 * open (its `applying` row kept with the state before, for the resume to settle); the CSV export has one row per change, none for a plan
 * never applied, and no shared-link URL.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { FileGovernanceState } from '../../common/policy/types';
import { exportAuditFile } from '../../main/core/governance/audit-export';
import { AUDIT_FILE, AuditStore } from '../../main/core/governance/audit-store';
import { makeTempHome } from '../helpers/temp-home';

let temp: ReturnType<typeof makeTempHome>;
beforeEach(() => (temp = makeTempHome('bcc-audit-')));
afterEach(() => temp.cleanup());

const state = (fileId: string, link: boolean): FileGovernanceState => ({
  fileId,
  name: `${fileId}.pdf`,
  etag: '1',
  parentId: '7',
  parentPath: '/Finance',
  sharedLink: link ? { access: 'open', effectiveAccess: 'open', passwordEnabled: false } : null,
  collaborations: [],
  trashed: false,
});

function planTwo(store: AuditStore): string {
  return store.createRun(
    { policyId: 'p', policyName: 'P', action: { name: 'remove-shared-link' }, by: 'admin@example.com' },
    [
      {
        fileId: 'f1',
        name: 'f1.pdf',
        path: '/Finance',
        ownerLogin: 'a@example.com',
        change: 'Remove the shared link (Open)',
      },
      {
        fileId: 'f2',
        name: 'f2.pdf',
        path: '/Finance',
        ownerLogin: 'b@example.com',
        change: 'Remove the shared link (Open)',
      },
    ],
  );
}

describe('the audit store', () => {
  it('keeps a run and its entries across a reopen, with counts from the entries', () => {
    const path = join(temp.home, AUDIT_FILE);
    let store = new AuditStore(path);
    const runId = planTwo(store);
    const [first, second] = store.entriesIn(runId, ['planned']);
    store.markApplying(first!.actionId, state('f1', true));
    store.markApplied(first!.actionId, state('f1', false), { undoable: true });
    store.markSkipped(second!.actionId, 'no longer matches the policy', state('f2', false));
    store.setRunState(runId, 'done');
    store.close();
    store = new AuditStore(path);
    expect(store.run(runId)).toMatchObject({
      state: 'done',
      counts: { planned: 2, applied: 1, skipped: 1, failed: 0 },
    });
    const page = store.auditPage({ runId, offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.entries.find((e) => e.fileId === 'f1')).toMatchObject({
      state: 'applied',
      undoable: true,
      after: { sharedLink: null },
    });
    store.close();
  });

  it('finds a run a killed process left applying interrupted, its applying row intact', () => {
    const path = join(temp.home, AUDIT_FILE);
    const store = new AuditStore(path);
    const runId = planTwo(store);
    store.setRunState(runId, 'applying');
    store.markApplying(store.entriesIn(runId, ['planned'])[0]!.actionId, state('f1', true));
    store.close();
    // As a process that died holds it: a pid that no longer exists.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const db = new Database(path);
    db.prepare('UPDATE runs SET applier_pid = ? WHERE run_id = ?').run(Number(dead), runId);
    db.close();
    const reopened = new AuditStore(path);
    expect(reopened.run(runId)?.state).toBe('interrupted');
    const applying = reopened.entriesIn(runId, ['applying']);
    expect(applying).toHaveLength(1);
    expect(applying[0]!.before?.sharedLink?.access).toBe('open');
    reopened.close();
  });

  it('finds a run interrupted when listing, while the store stays open, once its applier is gone', () => {
    const path = join(temp.home, AUDIT_FILE);
    const store = new AuditStore(path); // the app's, open all along
    const killed = planTwo(store);
    const live = planTwo(store);
    store.setRunState(killed, 'applying');
    store.setRunState(live, 'applying');
    // A CLI apply killed meanwhile, and one still running (this test's parent process is alive).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const cli = new Database(path);
    cli.prepare('UPDATE runs SET applier_pid = ? WHERE run_id = ?').run(Number(dead), killed);
    cli.prepare('UPDATE runs SET applier_pid = ? WHERE run_id = ?').run(process.ppid, live);
    cli.close();
    const states = new Map(store.runs(0, 10).entries.map((r) => [r.runId, r.state]));
    expect(states.get(killed)).toBe('interrupted');
    expect(states.get(live)).toBe('applying');
    expect(store.interruptedRuns('p', { name: 'remove-shared-link' }).map((r) => r.runId)).toEqual([killed]);
    store.close();
  });

  it('exports one CSV row per change and none for a plan never applied', async () => {
    const store = new AuditStore(join(temp.home, AUDIT_FILE));
    planTwo(store); // a preview: nothing happened
    const runId = planTwo(store);
    const [first] = store.entriesIn(runId, ['planned']);
    store.markApplying(first!.actionId, state('f1', true));
    store.markApplied(first!.actionId, state('f1', false), { undoable: true });
    const file = await exportAuditFile(store, temp.home, 'csv');
    const lines = readFileSync(file.path, 'utf8').trim().split('\r\n');
    expect(file.rows).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('link open; collaborators: none; folder /Finance');
    expect(lines[1]).not.toMatch(/https?:/);
    const json = JSON.parse(readFileSync((await exportAuditFile(store, temp.home, 'json')).path, 'utf8')) as unknown[];
    expect(json).toHaveLength(1);
    store.close();
  });
});
