/**
 * What a sharing event on a folder costs the store at 1,000,000 files: the time to move a
 * leaf folder's files, a child folder's (10 leaves) and a top folder's (10,000 files over three
 * levels), the same top folder again, and an empty folder, each in its own transaction as the live follow does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyFolderEventToQueue, type BoxEvent } from '../../main/core/scan/phases/events';
import { ScanStore } from '../../main/core/scan/store/scan-store';
import { openRawScanDb } from '../helpers/raw-scan-db';

const FILES = 1_000_000;
const dir = mkdtempSync(join(tmpdir(), 'bcc-bench-folder-'));
const raw = openRawScanDb(join(dir, 'scan.sqlite'));
const store = new ScanStore(join(dir, 'scan.sqlite'));
try {
  // 100 top folders × 10 children × 10 grandchildren = 11,100 folders, 100 files per leaf folder.
  const t0 = performance.now();
  const folder = raw.prepare(
    `INSERT INTO folders(id, name, path, parent_id, owner_id, as_user, state, seq) VALUES (?, ?, '', ?, 'u', 'u', 1, 0)`,
  );
  const file = raw.prepare(
    `INSERT INTO files(id, name, ext, folder_id, owner_id, state, priority, seq, scanned_at, access_level) VALUES (?, ?, 'txt', ?, 'u', 1, 1, ?, 0, 'Private')`,
  );
  const leaves: string[] = [];
  raw.transaction(() => {
    for (let t = 0; t < 100; t++) {
      folder.run(`t${t}`, `Top ${t}`, '0');
      for (let c = 0; c < 10; c++) {
        folder.run(`t${t}c${c}`, `C ${c}`, `t${t}`);
        for (let g = 0; g < 10; g++) {
          folder.run(`t${t}c${c}g${g}`, `G ${g}`, `t${t}c${c}`);
          leaves.push(`t${t}c${c}g${g}`);
        }
      }
    }
    for (let i = 0; i < FILES; i++) file.run(`f${i}`, `file ${i}.txt`, leaves[i % leaves.length]!, i);
  })();
  console.log(
    `store: ${FILES.toLocaleString('en')} files in 11,100 folders built in ${Math.round(performance.now() - t0)} ms`,
  );

  const event = (id: string, folderId: string): BoxEvent => ({
    event_id: id,
    event_type: 'COLLABORATION_INVITE',
    created_at: '2026-11-23T10:00:00Z',
    created_by: { login: 'a@x.com' },
    source: { item_type: 'folder', item_id: folderId, item_name: folderId },
    additional_details: { invitee: 'ext@other.com' },
  });
  const time = (label: string, id: string, folderId: string) => {
    const s = performance.now();
    const r = store.tx(() => applyFolderEventToQueue(store, event(id, folderId)));
    console.log(`${label}: ${r?.moved ?? 0} files moved in ${(performance.now() - s).toFixed(1)} ms`);
  };
  time('leaf folder (one of 10,000)', 'e1', 't5c5g5');
  time('child folder (10 leaves)', 'e2', 't7c3');
  time('top folder (110 folders, 3 levels)', 'e3', 't9');
  time('same top folder again (all already at the front)', 'e4', 't9');
  folder.run('empty', 'Empty', '0');
  time('empty folder', 'e5', 'empty');
} finally {
  raw.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
