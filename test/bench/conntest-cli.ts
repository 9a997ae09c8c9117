/**
 * Benchmark (connection test, acceptance 3): `box-companion test --json` on the admin sandbox,
 * as an admin would run it: the default sandbox (`box-companion sandbox`, 50 users, 5,000 files)
 * in its own process, a sign-in made once, then the command run several times, each timed from
 * spawn to exit (Node start, tsx, keychain read and the ten checks), with the run's own duration.
 * Needs a keychain: run it as `node test/helpers/with-keyring.mjs npx tsx test/bench/conntest-cli.ts [runs]`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ConnectionManager } from '../../main/core/connection/connection-manager';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-store';
import type { SandboxInfo } from '../../main/core/sandbox';
import { consentInSandbox } from '../helpers/headless-consent';
import { makeTempHome } from '../helpers/temp-home';
import { spawnSandboxCli } from '../integration/sandbox/cli-spawn';

const runs = Number(process.argv[2] ?? 5);
const secrets = new KeytarSecretStore();
const keychain = await secrets.status();
if (!keychain.available) {
  console.log(
    `conntest-cli: skipped, no keychain (${keychain.reason ?? 'unknown'}); run it through test/helpers/with-keyring.mjs`,
  );
} else {
  const child = spawnSandboxCli(['--port', '0']);
  child.stderr?.resume();
  const info = JSON.parse(
    await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve)),
  ) as SandboxInfo;
  const temp = makeTempHome('bcc-bench-conntest-');
  const manager = new ConnectionManager(temp.home, secrets);
  try {
    await manager.registerApp({
      endpoints: {
        apiUrl: info.apiUrl,
        uploadUrl: info.uploadUrl,
        authorizeUrl: info.authorizeUrl,
        tokenUrl: info.tokenUrl,
        revokeUrl: info.revokeUrl,
      },
      clientId: info.clientId,
      clientSecret: info.clientSecret,
      target: 'sandbox',
    });
    const state = await manager.connect({ openBrowser: (url) => void consentInSandbox(url) });
    if (state.status !== 'connected') throw new Error(`sign-in failed: ${state.status}`);
    const wall: number[] = [];
    const inRun: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const cli = spawn(process.execPath, ['main/cli/bin.mjs', '--home', temp.home, 'test', '--json'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      cli.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
      wall.push(performance.now() - t0);
      const summary = JSON.parse(out.trim().split('\n').at(-1)!) as {
        summary: { verdict: string };
        durationMs: number;
      };
      if (code !== 0) throw new Error(`box-companion test exited ${code} (${summary.summary.verdict})`);
      inRun.push(summary.durationMs);
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
    const s = (ms: number) => Number((ms / 1000).toFixed(2));
    console.log(
      JSON.stringify({
        benchmark: 'box-companion test --json, admin sandbox (50 users, 5,000 files)',
        runs,
        exitCode: 0,
        wallSeconds: { min: s(Math.min(...wall)), median: s(median(wall)), max: s(Math.max(...wall)) },
        checksSeconds: { min: s(Math.min(...inRun)), median: s(median(inRun)), max: s(Math.max(...inRun)) },
      }),
    );
  } finally {
    await manager.disconnect().catch(() => undefined);
    child.kill('SIGTERM');
    temp.cleanup();
  }
}
