/**
 * A co-admin without the reports permission cannot read enterprise events: Box answers 403 to
 * admin_logs. The scan still scans every file it can reach, without activity (no backfill,
 * no live events), and says so (issue 13: today it could not scan at all).
 */
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkSessionFor } from '../../../main/core/auth/box-endpoints';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { scanClient } from '../../../main/core/scan/box-api';
import { ScanEngine } from '../../../main/core/scan/engine';
import { api, getTokens } from '../sandbox/helpers';

let sandbox: RunningSandbox;
let dir: string;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ files: 500, users: 8, seed: 43, role: 'coadmin' });
  // Everything but the enterprise's events (what the reports permission gives).
  token = (await getTokens(sandbox.info, { scope: 'root_readwrite manage_managed_users manage_groups' })).access_token;
  dir = mkdtempSync(join(tmpdir(), 'bcc-noactivity-'));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an account that cannot read enterprise events', () => {
  it('scans without activity and says so', async () => {
    expect(
      (await api(sandbox.info, token, '/2.0/events?stream_type=admin_logs_streaming&stream_position=now')).status,
    ).toBe(403);
    const engine = new ScanEngine({
      dbPath: join(dir, 'scan.sqlite'),
      client: scanClient(new BoxDeveloperTokenAuth({ token }), networkSessionFor(sandbox.info)),
      rateLimitPerSecond: 0,
      livePollMs: 100,
    });
    try {
      await engine.start({ days: 7 }, true);
      const p = engine.snapshot();
      expect(p.message).toMatch(/^Activity is not available to this account: .*403.*the scan goes on without it/);
      expect(p.files.discovered).toBeGreaterThan(0);
      expect(p.files.queued).toBe(0);
      expect(p.files.scanned + p.files.failed + p.files.notScanned).toBe(p.files.discovered);
      expect(p.backfill.events + p.liveEvents).toBe(0);
      // Nothing kept asking for the events Box refused: the one refused request only.
      expect(engine.scheduler.stats.byKind.events).toBe(1);
    } finally {
      engine.close();
    }
  }, 120_000);
});
