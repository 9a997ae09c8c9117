#!/usr/bin/env node
// Runs Doyensec's Electron security linter over main/ and preload/ and fails on any HIGH or
// MEDIUM finding. Reviewed exceptions are marked in the code with `eng-disable` and a reason.
// (It tries to fetch Electron's release list and translations; offline it says so and goes on.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
// Its global checks (CSP, navigation limits, permission handler) look at the app as a whole,
// so main/ and preload/ are scanned together, with the built UI page when there is one.
const app = join(out, 'app');
cpSync('main', join(app, 'main'), { recursive: true });
cpSync('preload', join(app, 'preload'), { recursive: true });
if (existsSync('out/renderer/index.html')) cpSync('out/renderer/index.html', join(app, 'renderer', 'index.html'));
const csv = join(out, 'findings.csv');
const run = spawnSync('npx', ['electronegativity', '-i', app, '-r', '-e', electronVersion, '-o', csv], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(run.status ?? 1);
}
const findings = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
rmSync(out, { recursive: true, force: true });
const serious = findings.filter((row) => /"(HIGH|MEDIUM)"/.test(row));
for (const row of findings) console.log(row);
console.log(
  `electronegativity: ${findings.length} findings, ${serious.length} high or medium (Electron ${electronVersion}).`,
);
process.exit(serious.length ? 1 : 0);
