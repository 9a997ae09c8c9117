/** Shared set-up for the scan tests: a sandbox, a token, and an engine on a temp database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../main/core/sandbox';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { networkSessionFor } from '../../../main/core/auth/box-endpoints';
import { scanClient } from '../../../main/core/scan/box-api';
import { ScanEngine, type ScanEngineOptions } from '../../../main/core/scan/engine';
import { getTokens } from '../sandbox/helpers';
import type { ScanProgress } from '../../../common/scan/types';

export interface ScanRig {
  sandbox: RunningSandbox;
  token: string;
  dir: string;
  engine(o?: Partial<ScanEngineOptions>): ScanEngine;
  cleanup(): Promise<void>;
}

export async function scanRig(o: Partial<SandboxOptions> = {}): Promise<ScanRig> {
  // The engine's behaviour (phases, outages, queue, sharing): documents become images, so no
  // content is extracted. Content inspection is proven on real documents in content-*.test.ts.
  const sandbox = await startSandbox({ files: 3000, users: 50, mix: 'metadata', ...o });
  const token = (await getTokens(sandbox.info)).access_token;
  const dir = mkdtempSync(join(tmpdir(), 'bcc-scan-'));
  const engines: ScanEngine[] = [];
  return {
    sandbox,
    token,
    dir,
    engine(e = {}) {
      const engine = new ScanEngine({
        dbPath: join(dir, 'scan.sqlite'),
        client: scanClient(new BoxDeveloperTokenAuth({ token }), networkSessionFor(sandbox.info)),
        rateLimitPerSecond: 0,
        livePollMs: 100,
        ...e,
      });
      engines.push(engine);
      return engine;
    },
    async cleanup() {
      for (const e of engines) {
        await e.stop().catch(() => undefined);
        try {
          e.close();
        } catch {
          /* closed */
        }
      }
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function truthJson<T>(rig: ScanRig, path: string): Promise<T> {
  const res = await fetch(`${rig.sandbox.info.controlUrl}${path}`);
  return (await res.json()) as T;
}

/** Resolves with the first progress snapshot (current or coming) that satisfies `pred`. */
export function waitForProgress(engine: ScanEngine, pred: (p: ScanProgress) => boolean): Promise<ScanProgress> {
  return new Promise((resolve) => {
    const now = engine.snapshot();
    if (pred(now)) return resolve(now);
    const off = engine.progress.on((p) => {
      if (!pred(p)) return;
      off();
      resolve(p);
    });
  });
}

export async function injectActivity(
  rig: ScanRig,
  fileId: string,
  eventType: string,
): Promise<{ event: { event_id: string; created_at: string } }> {
  const res = await fetch(`${rig.sandbox.info.controlUrl}/activity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ file_id: fileId, event_type: eventType }),
  });
  if (!res.ok) throw new Error(`inject ${eventType}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { event: { event_id: string; created_at: string } };
}
