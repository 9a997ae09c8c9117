import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['main/cli/bin.mjs', ...args], { encoding: 'utf8' });
}

describe('box-companion CLI', () => {
  it('--help lists the commands, the global options and the exit codes', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('version');
    expect(run.stdout).toContain('--home DIR');
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*2 +bad command line/);
  });

  it('version --json prints exactly one JSON object on stdout', () => {
    const run = cli('version', '--json');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ name: 'Box Connect Companion', version: pkg.version });
  });

  it('an unknown command is a usage error (exit 2) explained on stderr, and a JSON error line with --json', () => {
    const run = cli('frobnicate', '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ error: { code: 'usage' } });
  });
});
