import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareKey,
  CONSOLE_GENERATIONS,
  DATA_CENTERS,
  dataCenter,
  STEPS,
  buildWalkthrough,
} from '../../common/allowlist';

describe('paste-back key comparison', () => {
  const eu2 = dataCenter('EU2').allowlistKey;
  it('exact, whitespace-trimmed, another data center’s key, unknown, empty', () => {
    expect(compareKey(eu2, 'EU2')).toEqual({ kind: 'exact' });
    expect(compareKey(` ${eu2}\n`, 'EU2')).toEqual({ kind: 'whitespace' });
    expect(compareKey(dataCenter('US1').allowlistKey, 'EU2')).toEqual({ kind: 'other-data-center', dataCenter: 'US1' });
    expect(compareKey(dataCenter('ADALLOM').allowlistKey.toUpperCase(), 'EU2')).toEqual({
      kind: 'other-data-center',
      dataCenter: 'ADALLOM',
    });
    expect(compareKey(eu2.slice(0, -1), 'EU2')).toEqual({ kind: 'unknown' });
    expect(compareKey('  ', 'EU2')).toEqual({ kind: 'empty' });
  });
});

describe('the data-center table and the steps', () => {
  it('has six data centers with distinct 32-character keys', () => {
    expect(DATA_CENTERS.map((center) => center.id)).toEqual(['US1', 'US2', 'US3', 'EU1', 'EU2', 'ADALLOM']);
    const keys = DATA_CENTERS.map((center) => center.allowlistKey);
    expect(new Set(keys).size).toBe(6);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]{32}$/);
  });

  it('the keys appear in no source file but the table', () => {
    const roots = ['common', 'main', 'renderer', 'preload', 'assets', 'test'].filter((root) => existsSync(root));
    const found: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder)) {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (DATA_CENTERS.some((center) => readFileSync(path, 'utf8').includes(center.allowlistKey)))
          found.push(path);
      }
    };
    roots.forEach(walk);
    expect(found).toEqual([join('common', 'allowlist', 'data-centers.ts')]);
  });

  it('every generation starts with the “do you need to allowlist at all” step, has unique ids, an illustration, and the companion’s client ID step', () => {
    for (const generation of CONSOLE_GENERATIONS) {
      const steps = STEPS[generation];
      expect(steps[0]!.id).toBe('check-restriction');
      expect(steps[0]!.instructions.join(' ')).toMatch(/skip the rest/);
      expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
      expect(steps.some((step) => step.companionClientId)).toBe(true);
      for (const step of steps) statSync(join('assets', 'walkthrough', step.illustration));
    }
  });

  it('fills in the key and the companion’s client ID, or says plainly that it must be added', () => {
    const known = buildWalkthrough({
      dataCenter: 'US3',
      consoleGeneration: 'custom-apps',
      companionClientId: 'abc123',
    });
    const text = known.steps.flatMap((step) => step.instructions).join(' ');
    expect(text).toContain(dataCenter('US3').allowlistKey);
    expect(text).toContain('abc123');
    expect(text).not.toMatch(/\{(key|clientId|keyKind)\}/);
    const unknown = buildWalkthrough({ dataCenter: 'US3', consoleGeneration: 'platform' });
    expect(unknown.steps.flatMap((step) => step.instructions).join(' ')).toContain(
      'the client ID of the Box app this companion signs in with',
    );
  });
});
