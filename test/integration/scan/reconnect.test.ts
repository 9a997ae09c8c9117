/**
 * A lost sign-in pauses the scan instead of failing files (issue 13). The tokens are revoked
 * through the sandbox's control API while content is being inspected: no file becomes Failed,
 * the scan says "Reconnect to continue" and stops asking Box (the live poller included), and
 * after Connect it goes on by itself and finishes with the totals of an undisturbed scan.
 */
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../common/scan/types';
import { networkSessionFor } from '../../../main/core/auth/box-endpoints';
import { scanClient } from '../../../main/core/scan/box-api';
import { ScanEngine } from '../../../main/core/scan/engine';
import { ScanService } from '../../../main/core/scan/scan-service';
import { connectToSandbox, type Connected } from '../../helpers/connected';
import { consentInSandbox } from '../../helpers/headless-consent';
import { getTokens } from '../sandbox/helpers';

let connected: Connected;
let undisturbed: { progress: ScanProgress; failedInspections: number };

const FAILED_INSPECTIONS = "SELECT COUNT(*) n FROM files WHERE inspection = 'Failed'";

/** The same enterprise scanned with nothing happening to it, for the totals to compare. */
async function scanUndisturbed(): Promise<typeof undisturbed> {
  const dir = mkdtempSync(join(tmpdir(), 'bcc-undisturbed-'));
  const token = (await getTokens(connected.sandbox.info)).access_token;
  const engine = new ScanEngine({
    dbPath: join(dir, 'scan.sqlite'),
    client: scanClient(new BoxDeveloperTokenAuth({ token }), networkSessionFor(connected.sandbox.info)),
    rateLimitPerSecond: 0,
    concurrency: 8,
  });
  try {
    await engine.start({ none: true }, true);
    return {
      progress: engine.snapshot(),
      failedInspections: (engine.store.reader().prepare(FAILED_INSPECTIONS).get() as { n: number }).n,
    };
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function waitFor(
  service: ScanService,
  pred: (p: ScanProgress) => boolean,
  what: string,
  ms = 60_000,
): Promise<ScanProgress> {
  return new Promise((resolve, reject) => {
    const now = service.status();
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      off();
      reject(
        new Error(`timed out waiting for ${what}: ${JSON.stringify(service.status().files)} ${service.status().phase}`),
      );
    }, ms);
    const off = service.onProgress((p) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      off();
      resolve(p);
    });
  });
}

beforeAll(async () => {
  connected = await connectToSandbox({ files: 2000, users: 12, seed: 41, latencyMs: 2 });
  undisturbed = await scanUndisturbed();
}, 120_000);
afterAll(async () => connected?.cleanup());

describe('a sign-in lost mid-inspection', () => {
  it('pauses with "Reconnect to continue", fails no file, stops asking Box, and finishes after Connect', async () => {
    const service = new ScanService(connected.home, connected.manager, { concurrency: 8, livePollMs: 100 });
    try {
      const { done } = await service.start({ none: true }, true);
      await waitFor(service, (p) => p.phase === 'inspection' && p.files.inspectionPending > 50, 'inspection under way');
      const revoked = await fetch(`${connected.sandbox.info.controlUrl}/tokens/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(revoked.ok).toBe(true);

      const paused = await waitFor(service, (p) => p.phase === 'reconnect', 'the reconnect pause');
      expect(paused.message).toBe('Reconnect to continue');
      expect(paused.running).toBe(false);
      // Requests in flight at the revoke come back; then nothing more is asked of Box.
      await waitFor(service, () => true, 'a snapshot');
      const settle = service.status().requests.total;
      await new Promise((r) => setTimeout(r, 3000)); // a window to watch: nothing may happen in it
      const quiet = service.status();
      expect(quiet.requests.total - settle).toBeLessThanOrEqual(1);
      expect(quiet.files.failed).toBe(0);
      expect(quiet.phase).toBe('reconnect');
      const readFailures = service.store
        .reader()
        .prepare("SELECT COUNT(*) n FROM files WHERE inspection = 'Failed' AND inspection_reason LIKE '%401%'")
        .get() as { n: number };
      expect(readFailures.n).toBe(0);

      const state = await connected.manager.connect({ openBrowser: (url) => void consentInSandbox(url) });
      expect(state.status).toBe('connected');
      await done;
      const final = service.status();
      expect(final.files).toEqual(undisturbed.progress.files);
      expect((service.store.reader().prepare(FAILED_INSPECTIONS).get() as { n: number }).n).toBe(
        undisturbed.failedInspections,
      );
    } finally {
      await service.dispose();
    }
  }, 180_000);
});
