/**
 * A 401 while the refresh token still works (issue 13, review finding 5): the scan's client has
 * the SDK's retries off, which also removed the SDK's 401 → refresh step, so an access token
 * that died early (here: expired through the sandbox's control API) paused the whole scan for
 * a full sign-in. Now the scan refreshes once and goes on, and never shows "reconnect".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanPhase } from '../../../common/scan/types';
import { ScanService } from '../../../main/core/scan/scan-service';
import { connectToSandbox, type Connected } from '../../helpers/connected';

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox({ files: 2000, users: 8, seed: 63, latencyMs: 5, mix: 'metadata' });
}, 60_000);
afterAll(async () => connected?.cleanup());

describe('an access token that dies before its time', () => {
  it('is refreshed once, silently; the scan finishes without asking for a sign-in', async () => {
    const service = new ScanService(connected.home, connected.manager, { concurrency: 4 }, 'box-companion scan');
    const phases = new Set<ScanPhase>();
    let scanning: () => void = () => undefined;
    const started = new Promise<void>((r) => (scanning = r));
    service.onProgress((p) => {
      phases.add(p.phase);
      if (p.files.scanned > 0) scanning();
    });
    try {
      const { done } = await service.start({ none: true }, true);
      await started;
      const expired = await fetch(`${connected.sandbox.info.controlUrl}/tokens/expire`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'access' }),
      });
      expect(((await expired.json()) as { expired: number }).expired).toBeGreaterThan(0);
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        done.then(() => 'done'),
        new Promise<string>((r) => (timer = setTimeout(() => r('timed out'), 15_000))),
      ]);
      clearTimeout(timer);
      expect(service.status().message ?? '').toBe('');
      expect([...phases]).not.toContain('reconnect');
      expect(outcome).toBe('done');
      const p = service.status();
      expect(p.files.failed).toBe(0);
      expect(p.files.queued).toBe(0);
    } finally {
      await service.dispose();
    }
  }, 90_000);
});
