/**
 * `box-companion test --json` and `box-companion diagnostics --out FILE` as a help desk runs
 * them: a real process, the keychain shared with the sign-in made here. One JSON object per
 * check as it finishes, then a summary; exit 0 on the admin sandbox, 2 once the account is a
 * co-admin. The bundle holds the last test and versions, and none of the tokens the sandbox
 * ever issued, nor the client secret, nor an Authorization header.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../common/conntest';
import { sandboxTokens } from '../../helpers/connected';
import { scenario, type Scenario } from './helpers';

/** Async, not spawnSync: the sandbox answers from this very process. */
async function cli(home: string, ...args: string[]) {
  const child = spawn(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const json = args.includes('--json');
  return {
    code,
    stdout,
    stderr,
    lines: json
      ? stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>)
      : [],
  };
}

describe('box-companion test and diagnostics', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({ role: 'admin' });
  });
  afterAll(() => s.cleanup());

  it('test --json: one object per check then a summary, exit 0 on the admin sandbox', async () => {
    const run = await cli(s.home, 'test', '--json');
    expect(run.code, run.stderr).toBe(0);
    const checks = run.lines.slice(0, -1);
    expect(checks.map((c) => c.id).sort()).toEqual([...CHECK_IDS].sort());
    for (const c of checks) {
      expect(Object.keys(c).sort()).toEqual(['actions', 'evidence', 'fix', 'id', 'status', 'summary', 'title']);
      expect(c.status).toBe('pass');
    }
    const summary = run.lines.at(-1)!;
    expect(summary.summary).toEqual({ pass: 11, warning: 0, fail: 0, verdict: 'pass' });
    expect(summary.durationMs).toBeLessThan(10_000);
  });

  it('test exits 2 with the co-admin explanation once the account is a co-admin', async () => {
    await s.control(`/users/${s.sandbox.info.signInUserId}/role`, { role: 'coadmin' });
    const run = await cli(s.home, 'test');
    expect(run.code).toBe(2);
    // Human text: each check with its fix, then the verdict.
    const human = run.stdout;
    expect(human).toMatch(/FAIL {2}2\. The account is a Box Admin/);
    expect(human).toContain('fails for co-admins even with every privilege ticked');
    expect(human).toContain('fix: Two ways forward');
    expect(human).toContain('The connection will not give full coverage.');
    await s.control(`/users/${s.sandbox.info.signInUserId}/role`, { role: 'admin' });
  });

  it('diagnostics --out FILE: the last test, settings and versions, and no token, secret or Authorization header', async () => {
    expect((await cli(s.home, 'test', '--json')).code).toBe(0);
    const out = join(s.home, 'bundle', 'diag.json');
    const written = await cli(s.home, 'diagnostics', '--out', out, '--json');
    expect(written.code, written.stderr).toBe(0);
    expect(written.lines[0]).toMatchObject({ path: out });
    const text = readFileSync(out, 'utf8');
    const bundle = JSON.parse(text) as {
      lastTest: { summary: { verdict: string } };
      system: { os: string; node: string; electron: string | null };
      app: { version: string; runtime: string };
      settings: unknown;
      recentErrors: unknown[];
    };
    expect(bundle.lastTest.summary.verdict).toBe('pass');
    expect(bundle.system.os).toBeTruthy();
    expect(bundle.system).toHaveProperty('electron');
    expect(bundle.app).toMatchObject({ runtime: 'cli' });
    expect(bundle.settings).toBeTruthy();
    // The co-admin run above left its 403s among the recent errors, with Box's request ids.
    expect(JSON.stringify(bundle.recentErrors)).toContain('access_denied_insufficient_permissions');

    const issued = await sandboxTokens(s.sandbox);
    expect(issued.length).toBeGreaterThanOrEqual(2);
    for (const t of issued) expect(text.includes(t.token), `${t.kind} token (${t.state}) in the bundle`).toBe(false);
    expect(text).not.toContain(s.sandbox.info.clientSecret);
    expect(text).not.toMatch(/Bearer\s+[A-Za-z0-9]/i);
    expect(text.toLowerCase()).not.toContain('authorization');
  });
});
