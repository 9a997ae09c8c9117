/**
 * Starts the harness (real core + built renderer) as a child process on a given app home, the
 * same command developers run (`npm run harness`, minus the build), and stops it.
 * Playwright-free so Vitest tests and scripts use it too; test/e2e/harness.ts wraps it in a fixture.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface Harness {
  url: string;
  home: string;
  process: ChildProcess;
  /** The pid of the harness's core process (the core runs apart from the harness, as in the app). */
  corePid: number;
  /** Everything the harness (and its core) wrote on stderr so far; it is also passed through. */
  stderr(): string;
}

/** `env`: added to this process's environment for the harness and its core (e.g. BOX_COMPANION_MANAGED_FILE). */
export async function startHarness(home: string, options: { env?: NodeJS.ProcessEnv } = {}): Promise<Harness> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/harness/index.ts', '--home', home, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    process.stderr.write(chunk);
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`harness exited with ${code} before it was ready`)));
  });
  const { url, corePid } = JSON.parse(first) as { url: string; corePid: number };
  return { url, home, process: child, corePid, stderr: () => stderr };
}

export async function stopHarness(harness: Harness): Promise<number | null> {
  if (harness.process.exitCode !== null || harness.process.signalCode !== null) return harness.process.exitCode;
  const exited = new Promise<number | null>((resolve) => harness.process.once('exit', (code) => resolve(code)));
  harness.process.kill('SIGTERM');
  return exited;
}
