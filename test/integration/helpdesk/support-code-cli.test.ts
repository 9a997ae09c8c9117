/**
 * The support code as the admin and the help desk use it from the CLI: `test --json` ends with
 * `supportCode`, and `support-code CODE --json` on another home (no sign-in, no network needed:
 * the code carries it all) prints the same state, each check by its id. A mistyped code is
 * refused with exit 2 and what is wrong. The bundle `diagnostics --out` writes reads back as the
 * same test with the same code; a bad bundle is refused naming what is wrong.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../common/conntest';
import { MAX_BUNDLE_BYTES, readDiagnosticsBundle } from '../../../common/support/bundle';
import { loadLastResult } from '../../../main/core/conntest/store';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { makeTempHome } from '../../helpers/temp-home';
import { scenario, type Scenario } from '../conntest/helpers';

async function cli(home: string, ...args: string[]) {
  const child = spawn(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = args.includes('--json')
    ? stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];
  return { code, stdout, stderr, lines };
}

describe('the support code from the CLI', () => {
  let s: Scenario;
  let helpDesk: { home: string; cleanup(): void };
  beforeAll(async () => {
    s = await scenario({ role: 'coadmin' });
    createNodeSettingsStore(s.home).update({
      walkthrough: { dataCenter: 'EU2', consoleGeneration: 'custom-apps', ticks: {} },
    });
    helpDesk = makeTempHome();
  });
  afterAll(() => {
    helpDesk.cleanup();
    return s.cleanup();
  });

  it('test --json ends with supportCode, which support-code --json decodes on another home to the same checks', async () => {
    const test = await cli(s.home, 'test', '--json');
    expect(test.code, test.stderr).toBe(2);
    const checks = test.lines.slice(0, -1) as { id: string; status: string }[];
    const code = test.lines.at(-1)!.supportCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const read = await cli(helpDesk.home, 'support-code', code, '--json');
    expect(read.code, read.stderr).toBe(0);
    const { state, summary } = read.lines[0] as {
      state: { dataCenter: string; consoleGeneration: string; connected: boolean; checks: Record<string, string> };
      summary: { verdict: string };
    };
    expect(state).toMatchObject({ dataCenter: 'EU2', consoleGeneration: 'custom-apps', connected: true });
    expect(Object.keys(state.checks)).toEqual([...CHECK_IDS]);
    expect(state.checks.role).toBe('fail');
    for (const check of checks) expect(state.checks[check.id]).toMatch(new RegExp(`^(${check.status}|not_run)$`));
    expect(summary.verdict).toContain('failed');

    const human = await cli(helpDesk.home, 'support-code', code.toLowerCase());
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('EU2 (Europe)');
    expect(human.stdout).toMatch(/2\. The account is a Box Admin\s+Failed/);
  });

  it('a mistyped code exits 2 and says what is wrong', async () => {
    const swapped = await cli(helpDesk.home, 'support-code', '1ABC-D2EF', '--json');
    expect(swapped.code).toBe(2);
    expect(JSON.stringify(swapped.lines[0])).toMatch(
      /invalid_support_code.*typing mistake|typing mistake.*invalid_support_code/,
    );
    const short = await cli(helpDesk.home, 'support-code', '1ABC');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('A support code has 8 characters');
  });

  it('the bundle diagnostics --out writes reads back as the same test, machine and support code; bad ones are refused', async () => {
    const test = await cli(s.home, 'test', '--json');
    const code = test.lines.at(-1)!.supportCode as string;
    const out = join(s.home, 'bundle.json');
    expect((await cli(s.home, 'diagnostics', '--out', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const read = readDiagnosticsBundle('bundle.json', text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.bundle.lastTest).toEqual(loadLastResult(s.home));
    expect(read.bundle.supportCode).toBe(code);
    expect(read.bundle.machine).toBe((JSON.parse(text) as { system: { hostname: string } }).system.hostname);
    expect(read.bundle.machine.length).toBeGreaterThan(0);

    const problem = (name: string, body: string) => {
      const result = readDiagnosticsBundle(name, body);
      return result.ok ? 'accepted' : result.problem;
    };
    expect(problem('notes.txt', 'hello')).toBe(
      'notes.txt cannot be opened as a diagnostics file: it is not JSON. Ask for the file the app’s “Save diagnostics file” writes.',
    );
    expect(problem('package.json', '{"name": "x"}')).toContain('not a Box Connect Companion diagnostics file');
    const damaged = JSON.parse(text) as { lastTest: { checks: { status: string }[] } };
    damaged.lastTest.checks[1]!.status = 'maybe';
    expect(problem('bundle.json', JSON.stringify(damaged))).toMatch(/damaged.*lastTest\.checks\.1\.status/);
    expect(problem('huge.json', ' '.repeat(MAX_BUNDLE_BYTES + 1))).toContain('over 2 MB');
  });
});
