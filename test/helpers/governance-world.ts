/**
 * The runner tests' world: a home signed in to a sandbox of real documents, scanned by the CLI,
 * with the "Public files with card numbers" policy saved; the sandbox's truth and admin_logs
 * (its control API) to check what changed, independently of what the app logged.
 */
import { spawn } from 'node:child_process';
import { templateById } from '../../common/policy/templates';
import { POLICY_FORMAT, type Policy } from '../../common/policy/types';
import { GovernanceService, type GovernanceServiceOptions } from '../../main/core/governance/governance-service';
import { PolicyStore } from '../../main/core/policy/policy-store';
import { scanDbPath } from '../../main/core/scan/engine';
import { openScanStoreForReading, type ScanStore } from '../../main/core/scan/store/scan-store';
import { connectToSandbox, type Connected } from './connected';
import { truthFiles, type AdminEvent, type TruthEntry } from './sandbox-truth';
export type { AdminEvent, TruthEntry } from './sandbox-truth';

/** The policy most runner tests apply: every file open to anyone with the link, its link removed. */
export const OPEN_LINKS_POLICY: Policy = {
  format: POLICY_FORMAT,
  id: 'open-links',
  name: 'Open links',
  filter: { accessLevels: ['Public (Internet)'] },
  action: { name: 'remove-shared-link' },
};

export function cli(home: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

export interface RunnerWorld {
  connected: Connected;
  policies: PolicyStore;
  /** How long the CLI's scan took (s). */
  scanSeconds: number;
  ctl<T>(path: string): Promise<T>;
  /** Every file's truth, by id. */
  truth(): Promise<Map<string, TruthEntry>>;
  /** admin_logs events since `at` (ISO). */
  eventsSince(at: string): Promise<AdminEvent[]>;
  /** A governance service on the home (its own audit connection), closed by close(). */
  service(
    o?: Partial<Pick<GovernanceServiceOptions, 'rateLimitPerSecond' | 'concurrency' | 'onProgress' | 'scheduler'>>,
  ): GovernanceService;
  /** POST to the sandbox's control API. */
  post(path: string, body: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function runnerWorld(o: {
  seed: number;
  files: number;
  users: number;
  mix?: 'metadata';
}): Promise<RunnerWorld> {
  const connected = await connectToSandbox(o);
  const t0 = performance.now();
  const scan = await cli(connected.home, ['scan', '--until-idle', '--no-backfill', '--json']);
  if (scan.code !== 0) throw new Error(`scan failed (${scan.code}): ${scan.stderr.slice(-2000)}`);
  const policies = new PolicyStore(connected.home);
  const scanSeconds = (performance.now() - t0) / 1000;
  policies.save(templateById('public-card-numbers').policy);
  const control = connected.sandbox.info.controlUrl;
  const ctl = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${control}${path}`);
    if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const services: GovernanceService[] = [];
  const stores: ScanStore[] = [];
  return {
    connected,
    policies,
    scanSeconds,
    ctl,
    async truth() {
      return truthFiles(ctl);
    },
    async eventsSince(at) {
      return (await ctl<{ entries: AdminEvent[] }>(`/truth/events?after=${encodeURIComponent(at)}`)).entries;
    },
    async post(path, body) {
      const res = await fetch(`${control}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
    },
    service(s = {}) {
      const service = new GovernanceService(connected.home, {
        connection: connected.manager,
        policies,
        scanStore: () => {
          const store = openScanStoreForReading(scanDbPath(connected.home));
          stores.push(store);
          return store;
        },
        ...s,
      });
      services.push(service);
      return service;
    },
    async close() {
      services.forEach((s) => s.close());
      stores.forEach((s) => s.close());
      await connected.cleanup();
    },
  };
}
