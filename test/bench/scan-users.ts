/**
 * Scan benchmark, issue 13 acceptance 5 (first part): 40,000 files scanned by the CLI
 * (`box-companion scan --until-idle --no-backfill --json`, a real process with the real keychain)
 * with 200 users, then with 20,000 users. The second may take at most 1.3x the first: picks and
 * progress come from indexed queries and counters, never full-table reads. Each run's core
 * event-loop delay p99 (the summary's eventLoopDelayP99Ms) is printed.
 * Run: node test/helpers/with-keyring.mjs npx tsx test/bench/scan-users.ts [files]
 */
import { spawn } from 'node:child_process';
import { connectToSandbox } from '../helpers/connected';
import { figure } from './scan-support';

const files = Number(process.argv[2] ?? 40_000);

interface Run {
  users: number;
  seconds: number;
  code: number | null;
  summary: {
    files: { discovered: number; scanned: number; notScanned: number; failed: number };
    eventLoopDelayP99Ms?: number;
    requests: { total: number };
  } | null;
}

async function scanWith(users: number): Promise<Run> {
  const connected = await connectToSandbox({ files, users, seed: 40, mix: 'metadata' });
  try {
    const t0 = performance.now();
    const child = spawn(
      process.execPath,
      ['main/cli/bin.mjs', '--home', connected.home, 'scan', '--until-idle', '--no-backfill', '--json'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let last = '';
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('{"summary"')) last = line;
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const seconds = (performance.now() - t0) / 1000;
    const summary = last ? (JSON.parse(last) as { summary: Run['summary'] }).summary : null;
    console.log(
      `${users} users: ${seconds.toFixed(1)} s, exit ${code}, files ${JSON.stringify(summary?.files)}, requests ${summary?.requests.total}, event-loop delay p99 ${summary?.eventLoopDelayP99Ms} ms`,
    );
    return { users, seconds, code, summary };
  } finally {
    await connected.cleanup();
  }
}

const few = await scanWith(200);
const many = await scanWith(20_000);
const ratio = many.seconds / few.seconds;
console.log(`\nIssue 13, acceptance 5: ${files.toLocaleString('en-US')} files, 200 users vs 20,000 users`);
figure('scan time with 200 users (s)', Number(few.seconds.toFixed(1)), '-', null);
figure('scan time with 20,000 users (s)', Number(many.seconds.toFixed(1)), '-', null);
figure('ratio 20,000 users / 200 users', Number(ratio.toFixed(2)), '<= 1.3', ratio <= 1.3);
const scannedAll = (r: Run) =>
  r.code === 0 &&
  r.summary !== null &&
  r.summary.files.scanned + r.summary.files.notScanned + r.summary.files.failed === r.summary.files.discovered &&
  r.summary.files.discovered > 0;
figure(
  'both scans finished every file',
  scannedAll(few) && scannedAll(many) ? 'yes' : 'no',
  'yes',
  scannedAll(few) && scannedAll(many),
);
for (const r of [few, many])
  figure(
    `core event-loop delay p99, ${r.users} users (ms)`,
    r.summary?.eventLoopDelayP99Ms ?? 'missing',
    'printed',
    r.summary?.eventLoopDelayP99Ms !== undefined,
  );
if (!(ratio <= 1.3)) process.exitCode = 1;
