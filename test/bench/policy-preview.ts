/**
 * The editor's live preview at 1,000,000 files (issue 17 review): a store of N scanned files
 * (every 7th Internal, 200 owners) written in bulk, then a filter previewed: the first page
 * (the pass over every file, in slices that give the core's thread back), the longest slice
 * (how long another call may wait behind it), and the next pages of the same filter (read by
 * rowid from the kept list). Run: npx tsx test/bench/policy-preview.ts [files]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilterPreviews } from '../../main/core/policy/filter-preview';
import { ScanStore } from '../../main/core/scan/store/scan-store';
import { FileState } from '../../common/scan/states';

const files = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'bcc-preview-bench-'));
const store = new ScanStore(join(dir, 'scan.sqlite'));
const built = performance.now();
store.writer().exec('DROP TRIGGER files_policy_insert'); // the bench times the preview, not the matcher's queue
store.writer().exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${files})
  INSERT INTO files(id, name, ext, folder_id, owner_id, owner_login, as_user, size, state, priority, seq,
    access_level, ext_collaborators, inspection, scan_count, modified_at)
  SELECT 'f' || i, 'file' || i || '.pdf', 'pdf', '0', 'u' || (i % 200), 'user' || (i % 200) || '@example.com', 'u1',
    i * 10, ${FileState.done}, 0, i, CASE WHEN i % 7 = 0 THEN 'Internal' ELSE 'Private' END, '[]', 'Completed', 1,
    '2026-01-01T00:00:00Z' FROM n`);
store.writer().pragma('wal_checkpoint(TRUNCATE)'); // a store at rest, as the app finds it
console.log(`${files} files written in ${((performance.now() - built) / 1000).toFixed(1)} s`);

const previews = new FilterPreviews();
const db = store.reader();
const filter = { accessLevels: ['Internal' as const], extensions: ['pdf'] };
let t = performance.now();
const first = await previews.page(db, filter, { offset: 0, limit: 100 });
const firstMs = performance.now() - t;
const next: number[] = [];
for (const offset of [100, 50_000, 140_000]) {
  t = performance.now();
  await previews.page(db, filter, { offset, limit: 100 });
  next.push(performance.now() - t);
}
console.log(
  JSON.stringify({
    files,
    total: first.total,
    firstPageMs: Math.round(firstMs),
    longestSliceMs: Number(previews.longestSliceMs.toFixed(1)),
    nextPageMs: next.map((ms) => Number(ms.toFixed(2))),
  }),
);
store.close();
rmSync(dir, { recursive: true, force: true });
