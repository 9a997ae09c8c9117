/**
 * `box-companion policy`: templates, add (a template or a file, ids suffixed when taken), list
 * with each policy's matches now from scan.sqlite, export (the same file an import takes) and
 * remove; a bad policy file exits 1 naming the field, a bad command line exits 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../../common/policy/types';
import { ScanStore } from '../../../main/core/scan/store/scan-store';
import { listedTextFile, PRIVATE_NOTHING_FOUND } from '../../helpers/temp-scan-store';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bcc-policy-cli-'));
  // Two scanned files: one public with a card number, one private.
  const store = new ScanStore(join(home, 'scan.sqlite'));
  store.tx(() => {
    store.insertListedFile(listedTextFile('f1'));
    store.insertListedFile(listedTextFile('f2'));
    store.finish('f1', 0, {
      ...PRIVATE_NOTHING_FOUND,
      accessLevel: 'Public (Internet)',
      findings: JSON.stringify({ card: 1, iban: 0, ssn: 0, nino: 0, email: 0 }),
    });
    store.finish('f2', 0, PRIVATE_NOTHING_FOUND);
  });
  store.close();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['main/cli/bin.mjs', 'policy', ...args, '--home', home], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { text: l };
      }
    });
  return { status: run.status, lines, stderr: run.stderr, stdout: run.stdout };
}

describe('box-companion policy', () => {
  it('lists the templates, adds from one and from a file, counts matches, exports and removes', () => {
    expect(cli('templates', '--json').lines.map((l) => l.id)).toEqual([...TEMPLATE_IDS]);
    expect(cli('add', '--template', 'public-card-numbers', '--json').lines).toEqual([{ id: 'public-card-numbers' }]);
    expect(cli('add', '--template', 'public-card-numbers', '--json').lines).toEqual([{ id: 'public-card-numbers-2' }]);

    const file = join(home, 'handed-over.json');
    expect(cli('export', 'public-card-numbers', '--output', file).status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      id: 'public-card-numbers',
      format: 'box-companion-policy/1',
    });
    expect(cli('add', file, '--json').lines).toEqual([{ id: 'public-card-numbers-3' }]);
    expect(cli('export', 'public-card-numbers').stdout).toBe(readFileSync(file, 'utf8'));

    const listed = cli('list', '--json');
    expect(listed.status).toBe(0);
    expect(listed.lines.map((l) => [l.id, l.matches])).toEqual([
      ['public-card-numbers', 1],
      ['public-card-numbers-2', 1],
      ['public-card-numbers-3', 1],
    ]);

    expect(cli('remove', 'public-card-numbers-2', '--json').lines).toEqual([
      { id: 'public-card-numbers-2', removed: true },
    ]);
    const gone = cli('remove', 'public-card-numbers-2', '--json');
    expect(gone.status).toBe(1);
    expect(gone.lines[0]).toMatchObject({ error: { code: 'policy_not_found' } });
  }, 180_000);

  it('a bad policy file exits 1 naming the field; a damaged file in the store is reported and skipped', () => {
    const bad = join(home, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ format: 'box-companion-policy/1', id: 'x', name: 'X', filter: { size: { minBytes: -5 } } }),
    );
    const run = cli('add', bad, '--json');
    expect(run.status).toBe(1);
    expect(run.lines[0]).toMatchObject({ error: { code: 'invalid_argument' } });
    expect((run.lines[0]!.error as { message: string }).message).toContain('filter.size.minBytes');

    cli('add', '--template', 'stale-public-links');
    writeFileSync(join(home, 'policies', 'broken.json'), '{"format": "box-companion-policy/1"');
    const listed = cli('list', '--json');
    expect(listed.status).toBe(1);
    expect(listed.lines.map((l) => l.id ?? (l.error as { message: string }).message)).toEqual([
      'stale-public-links',
      expect.stringContaining('broken.json'),
    ]);
  }, 120_000);

  it('a bad command line exits 2 with the usage', () => {
    for (const args of [['frobnicate'], ['add'], ['add', '--template', 'nope'], ['list', 'extra']]) {
      const run = cli(...args);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr).toContain('Usage: box-companion policy');
    }
  }, 120_000);
});
