import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { dispatch } from '../../main/core/bridge/dispatch';
import type { Handlers } from '../../main/core/bridge/handlers';
import { PolicyService } from '../../main/core/policy/policy-service';
import { policyHandlers } from '../../main/core/policy/bridge-handlers';
import type { GovernanceService } from '../../main/core/governance/governance-service';
import { governanceHandlers } from '../../main/core/governance/bridge-handlers';
import { DEFAULT_SETTINGS } from '../../common/settings';
import type { ScanProgress } from '../../common/scan/types';

const walkthroughState = { ...DEFAULT_SETTINGS.walkthrough, companionClientId: null };
const notConnected = { status: 'not_connected' as const };
const idle: ScanProgress = {
  phase: 'idle',
  running: false,
  users: { discovered: 0, reachable: 0, notReachable: 0 },
  folders: { discovered: 0, listed: 0 },
  files: { discovered: 0, queued: 0, scanned: 0, failed: 0, notScanned: 0, inspectionPending: 0 },
  backfill: { done: false, events: 0, window: null },
  liveEvents: 0,
  requests: { total: 0, perSecond: 0, rateLimited: 0, retries: 0 },
  filesPerSecond: 0,
  etaSeconds: null,
  phaseStarted: {},
  head: [],
  jumps: [],
  content: { inspected: { files: 0, bytes: 0 }, byType: [], failedByReason: [], reused: 0 },
  message: null,
  at: '2026-01-01T00:00:00Z',
};
const unmanaged = { path: '/etc/box-connect-companion/managed.json', keys: [], problem: null };
const emptyPage = { total: 0, offset: 0, limit: 100, entries: [] };

function recordingHandlers() {
  const calls: unknown[] = [];
  const handlers: Handlers = {
    getAppInfo: async () => {
      throw new Error('not used');
    },
    getSettings: async () => ({ ...DEFAULT_SETTINGS, managed: unmanaged }),
    updateSettings: async (patch) => {
      calls.push(patch);
      return { ...DEFAULT_SETTINGS, ...patch, managed: unmanaged };
    },
    getWalkthroughState: async () => walkthroughState,
    chooseWalkthrough: async (choice) => {
      calls.push(choice);
      return walkthroughState;
    },
    setStepTicked: async (args) => {
      calls.push(args);
      return walkthroughState;
    },
    openDiagnosticsBundle: async (args) => {
      calls.push(args);
      return { ok: false, problem: 'not used' };
    },
    setPortalStepTicked: async (args) => {
      calls.push(args);
      return walkthroughState;
    },
    startOver: async (args) => {
      calls.push(args);
      return walkthroughState;
    },
    exportRunbook: async (args) => {
      calls.push(args);
      return { path: '/tmp/runbook', format: args.format, bytes: 0 };
    },
    getConnection: async () => ({ state: notConnected, sandbox: null, app: null }),
    useSandboxEnterprise: async (args) => {
      calls.push(args);
      return { apiUrl: 'http://127.0.0.1:1', seed: args.seed, users: 50, files: 5000, role: args.role };
    },
    registerBoxApp: async (args) => {
      calls.push(args);
      return notConnected;
    },
    connect: async () => notConnected,
    cancelSignIn: async () => notConnected,
    disconnect: async () => ({ revoked: true }),
    runConnectionTest: async () => {
      throw new Error('not used');
    },
    getLastConnectionTest: async () => ({ result: null, running: false }),
    getDiagnostics: async () => ({ text: '{}' }),
    saveDiagnostics: async () => ({ path: '/tmp/diagnostics.json', bytes: 2 }),
    startScan: async (args) => {
      calls.push(args);
      return idle;
    },
    pauseScan: async () => idle,
    resumeScan: async () => idle,
    stopScan: async () => idle,
    rescanAll: async () => idle,
    rescanFile: async (args) => {
      calls.push(args);
      return idle;
    },
    getScanStatus: async () => idle,
    exportFindings: async (args) => ({ path: '/tmp/findings', format: args.format, files: 0, bytes: 0 }),
    listFindings: async (args) => {
      calls.push(args);
      return emptyPage;
    },
    listActivity: async (args) => {
      calls.push(args);
      return emptyPage;
    },
    listNotScanned: async () => ({ ...emptyPage, byReason: [] }),
    getScanCoverage: async () => ({ users: [] }),
    getScanQueue: async () => ({ queued: 0, head: [], jumps: [] }),
    // Not exercised here: their own tests call them.
    ...policyHandlers(
      new PolicyService({ home: tmpdir(), db: () => null, reader: () => null, emitMatches() {}, emitAlerts() {} }),
    ),
    ...governanceHandlers({ home: '/nonexistent', governance: {} as GovernanceService }),
  };
  return { handlers, calls };
}

describe('bridge argument validation', () => {
  it('refuses a wrong argument with a message naming the call, the field and what was expected', async () => {
    const { handlers, calls } = recordingHandlers();
    const reply = await dispatch(handlers, 'updateSettings', { theme: 'purple' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid_argument');
    expect(reply.error.message).toMatch(/^updateSettings: invalid argument: theme: /);
    expect(reply.error.message).toContain('"system"');
    expect(calls).toEqual([]); // the handler never ran
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const { handlers, calls } = recordingHandlers();
    const reply = await dispatch(handlers, 'updateSettings', { theme: 'dark', isAdmin: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!reply.ok && reply.error.message).toContain('isAdmin');
    expect(calls).toEqual([]);
  });

  it('refuses a non-object argument and an unknown call', async () => {
    const { handlers } = recordingHandlers();
    expect(await dispatch(handlers, 'getSettings', 'please')).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    const unknown = await dispatch(handlers, 'deleteEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(!unknown.ok && unknown.error.message).toContain('getAppInfo');
  });

  it('passes a valid argument through and reports handler errors as failures, not exceptions', async () => {
    const { handlers, calls } = recordingHandlers();
    expect(await dispatch(handlers, 'updateSettings', { theme: 'dark' })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'dark', managed: unmanaged },
    });
    expect(calls).toEqual([{ theme: 'dark' }]);
    expect(await dispatch(handlers, 'getAppInfo', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'not used' },
    });
  });

  it('walkthrough calls accept only known data centers, console generations, formats and fields', async () => {
    const { handlers, calls } = recordingHandlers();
    const badCenter = await dispatch(handlers, 'exportRunbook', {
      dataCenter: 'US9',
      consoleGeneration: 'platform',
      format: 'pdf',
    });
    expect(!badCenter.ok && badCenter.error.message).toMatch(/^exportRunbook: invalid argument: dataCenter: .*"EU2"/);
    const badFormat = await dispatch(handlers, 'exportRunbook', {
      dataCenter: 'US1',
      consoleGeneration: 'platform',
      format: 'docx',
    });
    expect(!badFormat.ok && badFormat.error.message).toContain('format');
    const extra = await dispatch(handlers, 'startOver', { dataCenter: 'US1', everything: true });
    expect(!extra.ok && extra.error.message).toContain('everything');
    const badStep = await dispatch(handlers, 'setStepTicked', {
      dataCenter: 'EU1',
      consoleGeneration: 'classic',
      stepId: '../x',
      ticked: true,
    });
    expect(!badStep.ok && badStep.error.message).toContain('stepId');
    const badPortal = await dispatch(handlers, 'setPortalStepTicked', {
      dataCenter: 'EU1',
      portalGeneration: 'defender-2030',
      stepId: 'test-api',
      ticked: true,
    });
    expect(!badPortal.ok && badPortal.error.message).toContain('portalGeneration');
    expect(calls).toEqual([]);
    const good = { dataCenter: 'EU1', consoleGeneration: 'classic', stepId: 'save', ticked: true };
    expect(await dispatch(handlers, 'setStepTicked', good)).toMatchObject({ ok: true });
    expect(calls).toEqual([good]);
  });

  it('checks the Box app form before the secret reaches the keychain', async () => {
    const { handlers, calls } = recordingHandlers();
    const reply = await dispatch(handlers, 'registerBoxApp', { clientId: 'Not-A-Client-Id', clientSecret: 'short' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!reply.ok && reply.error.message).toContain('clientId: a Box client ID is 32 lowercase letters and digits');
    expect(!reply.ok && reply.error.message).toContain('clientSecret: a Box client secret is 32 letters and digits');
    expect(!reply.ok && reply.error.message).not.toContain('short'); // the secret is never echoed
    expect(calls).toEqual([]);
    expect(await dispatch(handlers, 'useSandboxEnterprise', { seed: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(handlers, 'useSandboxEnterprise', {})).toMatchObject({
      ok: true,
      value: { seed: 1, role: 'admin' },
    });
  });

  it('scan queries accept only known filters, sorts and page sizes, with defaults filled in', async () => {
    const { handlers, calls } = recordingHandlers();
    const badLevel = await dispatch(handlers, 'listFindings', { accessLevels: ['Secret'] });
    expect(!badLevel.ok && badLevel.error.message).toMatch(/^listFindings: invalid argument: accessLevels\.0: /);
    expect(await dispatch(handlers, 'listFindings', { limit: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(handlers, 'listFindings', { sort: 'password' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(handlers, 'listActivity', { types: ['edit; DROP'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(handlers, 'rescanFile', { fileId: '../1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await dispatch(handlers, 'startScan', { since: 'last week' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(calls).toEqual([]);
    expect(await dispatch(handlers, 'listFindings', { search: 'budget' })).toMatchObject({ ok: true });
    expect(calls).toEqual([{ search: 'budget', sort: 'name', order: 'asc', offset: 0, limit: 100 }]);
  });
});
