/** What the scan benchmarks share: a sandbox child process, an engine on a temp database, truth. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import type { SandboxInfo } from '../../main/core/sandbox';
import { networkSessionFor } from '../../main/core/auth/box-endpoints';
import { scanClient } from '../../main/core/scan/box-api';
import { ScanEngine, type ScanEngineOptions } from '../../main/core/scan/engine';
import { spawnSandboxCli } from '../integration/sandbox/cli-spawn';
import { getTokens } from '../integration/sandbox/helpers';

export interface BenchSandbox {
  info: SandboxInfo;
  token: string;
  pid: number;
  startupSeconds: number;
  close(): void;
}

export async function benchSandbox(args: string[]): Promise<BenchSandbox> {
  const child = spawnSandboxCli([...args, '--port', '0']);
  child.stderr?.resume();
  const t0 = performance.now();
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (c) => reject(new Error(`sandbox exited with ${c}`)));
  });
  const info = JSON.parse(line) as SandboxInfo;
  const token = (await getTokens(info)).access_token;
  return {
    info,
    token,
    pid: child.pid!,
    startupSeconds: (performance.now() - t0) / 1000,
    close: () => void child.kill('SIGTERM'),
  };
}

export function benchEngine(
  sb: BenchSandbox,
  o: Partial<ScanEngineOptions> = {},
): { engine: ScanEngine; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bcc-bench-scan-'));
  const engine = new ScanEngine({
    dbPath: join(dir, 'scan.sqlite'),
    client: scanClient(new BoxDeveloperTokenAuth({ token: sb.token }), networkSessionFor(sb.info)),
    rateLimitPerSecond: 0,
    livePollMs: 200,
    ...o,
  });
  return {
    engine,
    cleanup() {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function control<T>(sb: BenchSandbox, path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${sb.info.controlUrl}${path}`,
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export function rssMb(pid = process.pid): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

export function figure(
  name: string,
  value: number | string,
  target: string,
  holds: boolean | null,
): { name: string; value: number | string; target: string; holds: boolean | null } {
  const mark = holds === null ? '  ' : holds ? 'OK' : 'NO';
  console.log(`${mark} ${name}: ${value}   (target ${target})`);
  return { name, value, target, holds };
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
