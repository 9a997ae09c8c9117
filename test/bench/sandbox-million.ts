/**
 * Benchmark (acceptance 4): `box-companion sandbox --files 1000000` as a child process; time to
 * its JSON line, then a walk of every file through the API (marker paging of every folder, per
 * user with As-User), and the sandbox's peak RSS (VmHWM). Stops by itself.
 * Run: npx tsx test/bench/sandbox-million.ts [files]
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { spawnSandboxCli } from '../integration/sandbox/cli-spawn';
import { getTokens } from '../integration/sandbox/helpers';
import { walkEnterprise } from '../integration/sandbox/walk';
import type { SandboxInfo } from '../../main/core/sandbox';

const files = Number(process.argv[2] ?? 1_000_000);

function vmKb(pid: number, key: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

const child = spawnSandboxCli(['--files', String(files), '--port', '0']);
child.stderr?.resume();
const t0 = performance.now();
const line = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve);
  child.once('exit', (c) => reject(new Error(`sandbox exited with ${c}`)));
});
const startup = (performance.now() - t0) / 1000;
const info = JSON.parse(line) as SandboxInfo;
const pid = child.pid!;
const rssAfterStart = vmKb(pid, 'VmRSS') / 1024;
try {
  const token = (await getTokens(info)).access_token;
  const w0 = performance.now();
  let peakSample = 0;
  const sampler = setInterval(() => (peakSample = Math.max(peakSample, vmKb(pid, 'VmRSS') / 1024)), 500);
  const walk = await walkEnterprise({
    apiUrl: info.apiUrl,
    token,
    concurrency: 16,
    fields: 'name,size,sha1,owned_by,shared_link',
  });
  clearInterval(sampler);
  const walkSeconds = (performance.now() - w0) / 1000;
  const figures = {
    launchedVia: 'node main/cli/bin.mjs sandbox',
    files,
    startupSeconds: Number(startup.toFixed(2)),
    filesWalked: walk.files,
    foldersWalked: walk.folders,
    requests: walk.requests,
    walkSeconds: Number(walkSeconds.toFixed(1)),
    filesPerSecond: Math.round(walk.files / walkSeconds),
    rssAfterStartMb: Math.round(rssAfterStart),
    peakRssMb: Math.round(vmKb(pid, 'VmHWM') / 1024),
  };
  console.log(JSON.stringify(figures, null, 2));
  if (walk.files !== files) throw new Error(`walked ${walk.files} files, expected ${files}`);
  if (figures.peakRssMb >= 500) throw new Error('peak RSS over 500 MB');
  if (startup >= 10) throw new Error('startup over 10 s');
} finally {
  child.kill('SIGTERM');
}
