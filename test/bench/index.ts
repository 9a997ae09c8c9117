/**
 * `npm run bench`: the speed and memory figures, printed. Each benchmark stops by itself and
 * only talks to servers it starts on 127.0.0.1. Tests stay deterministic; figures live here.
 * The scan benchmarks run in their own processes, so each one's memory figure is its own.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchmarks = ['./sandbox-million.ts', './conntest-cli.ts'];
const isolated = [
  './scan-coverage.ts',
  './scan-rate.ts',
  './scan-million.ts',
  './scan-folder-event.ts',
  // Issue 13: the store's reads at 20,000 users / 1,000,000 files, the scan at 200 vs 20,000
  // users, a trivial bridge call through the core process (idle, then during a 1,000,000-file scan).
  './scan-store-scale.ts',
  './scan-users.ts',
  './bridge-latency.ts',
  './scan-bridge-latency.ts',
  // Issue 14: local extraction MB/s per core for PDF and for OOXML, through the extractor process.
  './extract-throughput.ts',
  // Issue 14: coverage, exactness, efficiency and nothing at rest on 100,000 files; rate use.
  './content-inspection.ts',
  './sandbox-documents.ts',
  // Issue 17: an action on 5,000 files under --rate-limit 20: the limit's share kept, 429s, pause.
  './governance-rate.ts',
  // Issue 17: 20 policies live during a scan (time growth, alert latency).
  './policy-live.ts',
  // Issue 17 acceptance 1 on 100,000 files: template counts vs the truth, apply and undo checked on it.
  './governance-100k.ts',
];

for (const benchmark of benchmarks) {
  console.log(`\n== ${benchmark}`);
  await import(benchmark);
}
for (const benchmark of isolated) {
  console.log(`\n== ${benchmark}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(benchmark, import.meta.url))], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exitCode = 1;
}
// The dashboard's long-task figure (issue 8): a Playwright run of the built UI during a
// 100,000-file scan (`npm run bench` builds first and runs everything inside a private keyring).
console.log('\n== test/e2e/long-tasks.spec.ts');
const ui = spawnSync('npx', ['playwright', 'test', 'test/e2e/long-tasks.spec.ts'], {
  stdio: 'inherit',
  env: { ...process.env, BCC_BENCH_UI: '1' },
});
if (ui.status !== 0) process.exitCode = 1;
export {};
