/**
 * Starts the harness (real core + built renderer) as a child process with a fresh app home,
 * and hands its URL to a Playwright test. The harness is the same command developers run:
 * `npm run harness`, minus the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';
import { makeTempHome } from '../helpers/temp-home';

export interface Harness {
  url: string;
  home: string;
  process: ChildProcess;
}

export async function startHarness(home: string): Promise<Harness> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/harness/index.ts', '--home', home, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`harness exited with ${code} before it was ready`)));
  });
  const { url } = JSON.parse(first) as { url: string };
  return { url, home, process: child };
}

export async function stopHarness(harness: Harness): Promise<number | null> {
  if (harness.process.exitCode !== null || harness.process.signalCode !== null) return harness.process.exitCode;
  const exited = new Promise<number | null>((resolve) => harness.process.once('exit', (code) => resolve(code)));
  harness.process.kill('SIGTERM');
  return exited;
}

export const test = base.extend<{ harness: Harness }>({
  harness: async ({}, use) => {
    const temp = makeTempHome('bcc-e2e-');
    const harness = await startHarness(temp.home);
    await use(harness);
    await stopHarness(harness);
    temp.cleanup();
  },
});

export { expect } from '@playwright/test';
