/** The policy files: atomic writes, validation on read, damaged files skipped by name, import ids. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { templateById } from '../../common/policy/templates';
import { PolicyStore } from '../../main/core/policy/policy-store';

const homes: string[] = [];
function store(): PolicyStore {
  const home = mkdtempSync(join(tmpdir(), 'bcc-policy-'));
  homes.push(home);
  return new PolicyStore(home);
}
afterEach(() => {
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

const card = templateById('public-card-numbers').policy;

describe('PolicyStore', () => {
  it('saves, lists, gets and removes; no temporary file is left behind', () => {
    const s = store();
    s.save(card);
    expect(s.list()).toEqual({ policies: [card], damaged: [] });
    expect(s.get(card.id)).toEqual(card);
    expect(readdirSync(s.dir)).toEqual(['public-card-numbers.json']);
    expect(s.remove(card.id)).toBe(true);
    expect(s.remove(card.id)).toBe(false);
    expect(s.get(card.id)).toBeNull();
  });

  it('reports a damaged file by name, with the field at fault, and still lists the others', () => {
    const s = store();
    s.save(card);
    writeFileSync(
      join(s.dir, 'broken.json'),
      '{"format": "box-companion-policy/1", "id": "broken", "name": "x", "filter": {"accessLevels": ["Everyone"]}}',
    );
    writeFileSync(join(s.dir, 'notjson.json'), '{oops');
    const { policies, damaged } = s.list();
    expect(policies.map((p) => p.id)).toEqual([card.id]);
    expect(damaged.map((d) => d.file)).toEqual(['broken.json', 'notjson.json']);
    expect(damaged[0]!.problem).toContain('filter.accessLevels.0');
    expect(damaged[1]!.problem).toContain('not JSON');
  });

  it('refuses to save an invalid policy, naming the field', () => {
    const s = store();
    expect(() => s.save({ ...card, filter: { size: { minBytes: -1 } } })).toThrow(/filter\.size\.minBytes/);
    expect(() => s.get('../etc')).toThrow(/id:/);
  });

  it('an imported file never turns automatic actions on: the admin does, after looking', () => {
    const s = store();
    const handed = { ...card, automatic: [{ action: { name: 'trash' as const }, maxPerHour: 10_000 }] };
    const imported = s.importText(JSON.stringify(handed));
    expect(imported.automatic).toBeUndefined();
    expect(s.get(imported.id)?.automatic).toBeUndefined();
    // Saving it with automatic actions (the admin's own say-so, in the editor) keeps them.
    expect(s.save(handed).automatic).toHaveLength(1);
  });

  it('import keeps the id when free, else suffixes -2, -3; export is the same file', () => {
    const s = store();
    const text = JSON.stringify(card);
    expect(s.importText(text).id).toBe('public-card-numbers');
    expect(s.importText(text).id).toBe('public-card-numbers-2');
    expect(s.importText(text).id).toBe('public-card-numbers-3');
    const exported = s.exportText('public-card-numbers-2');
    expect(JSON.parse(exported)).toEqual({ ...card, id: 'public-card-numbers-2' });
    expect(exported).toBe(readFileSync(join(s.dir, 'public-card-numbers-2.json'), 'utf8'));
    expect(s.importText(exported).id).toBe('public-card-numbers-2-2');
  });

  it('import of a bad file says which field is wrong', () => {
    const s = store();
    expect(() => s.importText(JSON.stringify({ ...card, action: { name: 'delete-everything' } }), 'p.json')).toThrow(
      /p\.json: action/,
    );
    expect(() => s.exportText('nope')).toThrow(/No policy "nope"/);
  });
});
