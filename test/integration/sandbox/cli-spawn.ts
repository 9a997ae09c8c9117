/** Starts `box-companion sandbox` as a child process (shared by the CLI test and the benchmark). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(repoRoot, 'main/cli/bin.mjs');

export function spawnSandboxCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [bin, 'sandbox', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
}
