/**
 * The quarantine records in governance.sqlite (real SQLite): the app and the CLI each keep a
 * store open, and neither loses the other's record; the JSON file of earlier versions is
 * imported once and set aside.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { QuarantineStore } from '../../main/core/governance/quarantine-store';
import { makeTempHome } from '../helpers/temp-home';

let temp: ReturnType<typeof makeTempHome>;
beforeEach(() => (temp = makeTempHome('bcc-quarantine-')));
afterEach(() => temp.cleanup());

const record = (parentId: string) => ({ parentId, parentPath: `/F${parentId}`, ownerId: '7', noteId: `n${parentId}` });

it('two stores open on one home (the app and the CLI) keep both records, and the folder', () => {
  const app = new QuarantineStore(temp.home);
  const cli = new QuarantineStore(temp.home);
  // Both read before either writes, as two long-running processes do.
  expect(app.record('f1')).toBeNull();
  expect(cli.record('f2')).toBeNull();
  app.remember('f1', { ...record('11'), folderId: 'q1' });
  cli.setFolder('admin', 'q');
  cli.remember('f2', record('22'));
  app.forget('f3'); // forgetting another file touches neither
  const fresh = new QuarantineStore(temp.home);
  expect(fresh.record('f1')).toEqual({ ...record('11'), folderId: 'q1' });
  expect(fresh.record('f2')).toEqual(record('22'));
  expect(fresh.folderOf('admin')).toBe('q');
  expect(app.record('f2')).toEqual(record('22'));
  cli.forget('f1');
  expect(app.record('f1')).toBeNull();
  for (const s of [app, cli, fresh]) s.close();
});

it('imports the JSON file of earlier versions once, then sets it aside', () => {
  const legacy = join(temp.home, 'governance', 'quarantine.json');
  mkdirSync(join(temp.home, 'governance'), { recursive: true });
  writeFileSync(legacy, JSON.stringify({ folders: { admin: 'q' }, files: { f1: record('11') } }));
  const store = new QuarantineStore(temp.home);
  expect(store.record('f1')).toEqual(record('11'));
  expect(store.folderOf('admin')).toBe('q');
  expect(existsSync(legacy)).toBe(false);
  expect(existsSync(`${legacy}.imported`)).toBe(true);
  // Restored since: reopening does not bring the record back.
  store.forget('f1');
  store.close();
  const again = new QuarantineStore(temp.home);
  expect(again.record('f1')).toBeNull();
  again.close();
});
