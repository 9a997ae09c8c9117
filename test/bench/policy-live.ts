/**
 * Issue 17, acceptance 5: 20 policies live during a scan. The same sandbox is scanned twice,
 * without policies and then with 20 (the four templates and 16 more over every kind of
 * filter) and the live matcher running on the engine's store: the scan's time may grow by at
 * most 10%, and each alert of a metadata policy arrives within 2 s (p99) of its file's result
 * being written. The matcher's own time on the core's thread is printed too: on a shared machine
 * the two scans' times vary more than the matcher costs.
 * Run: npx tsx test/bench/policy-live.ts [files] [with-first]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES } from '../../common/policy/templates';
import { POLICY_FORMAT, type Policy, type PolicyFilter } from '../../common/policy/types';
import { PolicyService } from '../../main/core/policy/policy-service';
import type { ScanEngine } from '../../main/core/scan/engine';
import { benchEngine, benchSandbox, figure, percentile } from './scan-support';

const files = Number(process.argv[2] ?? 100_000);

const EXTRA: Array<[string, PolicyFilter]> = [
  ['public-links', { accessLevels: ['Public (Internet)', 'Public'] }],
  ['external', { external: { present: true } }],
  ['outside-partners', { external: { excludeDomains: ['partner-consulting.com', 'acme-supplier.io'] } }],
  ['ssn-any', { detectors: { min: [{ detector: 'ssn', count: 1 }] } }],
  [
    'iban-and-card',
    {
      detectors: {
        mode: 'all',
        min: [
          { detector: 'iban', count: 1 },
          { detector: 'card', count: 1 },
        ],
      },
    },
  ],
  ['many-mails', { detectors: { min: [{ detector: 'email', count: 5 }] } }],
  ['finance-group', { groups: ['Finance'], accessLevels: ['External', 'Public', 'Public (Internet)'] }],
  ['leadership', { groups: ['Leadership'] }],
  ['one-owner', { owners: ['admin@example.com'] }],
  ['path', { pathPrefix: '/Projects' }],
  ['spreadsheets', { extensions: ['xlsx', 'csv', 'ods'] }],
  ['large', { size: { minBytes: 10_000_000 } }],
  ['recent', { modified: { after: '2026-01-01' } }],
  ['old', { modified: { olderThanDays: 365 } }],
  ['failed', { inspection: ['Failed', 'Partially scanned'] }],
  ['internal-pdf', { accessLevels: ['Internal'], extensions: ['pdf'] }],
];

function policies(): Policy[] {
  const extra = EXTRA.map(([id, filter]) => ({ format: POLICY_FORMAT, id, name: id, filter }));
  return [...TEMPLATES.map((t) => t.policy), ...extra];
}

const sb = await benchSandbox(['--files', String(files), '--users', '200', '--seed', '1700', '--mix', 'metadata']);
console.log(`sandbox with ${files} files up in ${sb.startupSeconds.toFixed(1)} s`);

async function scanOnce(
  withPolicies: boolean,
): Promise<{ seconds: number; latencies: number[]; alerts: number; tail: number; busy: number }> {
  const { engine, cleanup } = benchEngine(sb, { concurrency: 16, livePollMs: 250 });
  const home = mkdtempSync(join(tmpdir(), 'bcc-bench-policy-'));
  const received: Array<{ fileId: string; at: number; policyId: string }> = [];
  const service = withPolicies ? policyService(engine, home, received) : null;
  try {
    const t0 = performance.now();
    await engine.start({ none: true }, true);
    const seconds = (performance.now() - t0) / 1000;
    const tail = service ? await drained(engine, t0) : 0;
    const scannedAt = engine.store.reader().prepare('SELECT scanned_at FROM files WHERE id = ?');
    const latencies = received
      .filter((a) => a.policyId === 'public-links')
      .map((a) => (a.at - (scannedAt.get(a.fileId) as { scanned_at: number }).scanned_at) / 1000);
    return { seconds, latencies, alerts: received.length, tail, busy: (service?.matcher.busyMs ?? 0) / 1000 };
  } finally {
    service?.stop();
    cleanup();
    rmSync(home, { recursive: true, force: true });
  }
}

function policyService(
  engine: ScanEngine,
  home: string,
  received: Array<{ fileId: string; at: number; policyId: string }>,
) {
  const service = new PolicyService({
    home,
    db: () => engine.store.writer(),
    reader: () => engine.store.reader(),
    emitMatches: () => undefined,
    emitAlerts: ({ alerts }) =>
      alerts.forEach((a) => received.push({ fileId: a.fileId, at: Date.now(), policyId: a.policyId })),
  });
  for (const p of policies()) service.store.save(p);
  service.start();
  return service;
}

/** Seconds from the scan's start until the matcher has taken every dirty file. */
async function drained(engine: ScanEngine, t0: number): Promise<number> {
  const left = engine.store.reader().prepare('SELECT COUNT(*) n FROM policy_dirty');
  while ((left.get() as { n: number }).n > 0) await new Promise((r) => setTimeout(r, 50));
  return (performance.now() - t0) / 1000;
}

try {
  // `with-first`: the same two scans in the other order (a warmer sandbox favours the second).
  const withFirst = process.argv[3] === 'with-first';
  const first = await scanOnce(withFirst);
  const second = await scanOnce(!withFirst);
  const [without, withP] = withFirst ? [second, first] : [first, second];
  console.log(`without policies: ${without.seconds.toFixed(1)} s`);
  console.log(
    `with 20 policies: ${withP.seconds.toFixed(1)} s (matcher done at ${withP.tail.toFixed(1)} s, busy ${withP.busy.toFixed(1)} s on the core's thread, ${withP.alerts} alerts)`,
  );
  const growth = (withP.seconds / without.seconds - 1) * 100;
  const p99 = percentile(withP.latencies, 99);
  console.log(`\nAcceptance 5: 20 policies live during a ${files}-file scan`);
  figure('scan time growth with 20 policies (%)', Number(growth.toFixed(1)), '<= 10', growth <= 10);
  const busyShare = (withP.busy / withP.seconds) * 100;
  figure("matcher's time on the core's thread (% of the scan)", Number(busyShare.toFixed(1)), '<= 10', busyShare <= 10);
  figure('alert after the file is scanned, p99 (s)', Number(p99.toFixed(3)), '<= 2', p99 <= 2);
  figure('alert after the file is scanned, median (s)', Number(percentile(withP.latencies, 50).toFixed(3)), '-', null);
  figure('alerts of the metadata policy', withP.latencies.length, '> 0', withP.latencies.length > 0);
} finally {
  sb.close();
}
