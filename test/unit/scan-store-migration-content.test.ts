/**
 * Migration 6 (content inspection): a store of version 5 with the free-text reasons of before
 * comes out with reason codes, its pdf/docx files that were "unsupported type" back in the
 * inspection phase, and content figures the triggers then keep right as files are inspected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileState } from '../../common/scan/states';
import { migrate } from '../../main/core/scan/store/migrations';
import {
  CONTENT_REASONS_FROM_FILES,
  CONTENT_TYPES_FROM_FILES,
} from '../../main/core/scan/store/migrations/0006-content';
import { checkStore } from '../../main/core/scan/store/health';
import { ScanStore } from '../../main/core/scan/store/scan-store';

let dir: string;
let path: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bcc-migration6-'));
  path = join(dir, 'scan.sqlite');
  db = new Database(path);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Files as the last release left them: done, with its free-text inspection reasons. */
function version5Files(): void {
  const done = FileState.done;
  db.exec(`
    INSERT INTO files(id, name, ext, size, sha1, state, priority, seq, inspection, inspection_reason, findings, sensitive, scanned_sha1) VALUES
      ('t1', 'a.txt', 'txt', 100, 'aa', ${done}, 1, 1, 'Completed', NULL, '{"card":1,"iban":0,"ssn":0,"nino":0,"email":0}', 1, 'aa'),
      ('p1', 'b.pdf', 'pdf', 2000, 'bb', ${done}, 1, 2, 'Failed', 'unsupported type (.pdf)', NULL, 0, 'bb'),
      ('x1', 'c.xyz', 'xyz', 10, 'cc', ${done}, 1, 3, 'Failed', 'unsupported type (.xyz)', NULL, 0, 'cc'),
      ('b1', 'd.txt', 'txt', 40000000, 'dd', ${done}, 1, 4, 'Failed', 'too large (over 30 MB)', NULL, 0, 'dd'),
      ('g1', 'e.png', 'png', 5, 'ee', ${done}, 1, 5, 'Not applicable', 'no text to inspect (image, audio or video)', NULL, 0, 'ee'),
      ('r1', 'f.txt', 'txt', 5, NULL, ${done}, 1, 6, 'Failed', 'download refused by Box: HTTP 403 Forbidden', NULL, 0, NULL),
      ('r2', 'g.txt', 'txt', 5, NULL, ${done}, 1, 7, 'Failed', 'could not be read: network: reset', NULL, 0, NULL);
  `);
}

function figures(conn: Database.Database) {
  return {
    types: conn.prepare(`SELECT * FROM content_types WHERE files > 0 OR failed > 0 OR reused > 0 ORDER BY ext`).all(),
    reasons: conn.prepare('SELECT * FROM content_reasons WHERE files > 0 ORDER BY reason').all(),
  };
}

function fromFiles(conn: Database.Database) {
  return {
    types: conn.prepare(`SELECT * FROM (${CONTENT_TYPES_FROM_FILES}) ORDER BY ext`).all(),
    reasons: conn.prepare(`SELECT * FROM (${CONTENT_REASONS_FROM_FILES}) ORDER BY reason`).all(),
  };
}

describe('migration 6 (content inspection)', () => {
  it('maps the free-text reasons to codes and sends the newly readable types back to inspection', () => {
    migrate(db, 5);
    version5Files();
    expect(migrate(db, 6)).toEqual([6]);
    const rows = db
      .prepare('SELECT id, inspection, inspection_reason, inspection_method, inspect FROM files ORDER BY seq')
      .all();
    expect(rows).toEqual([
      { id: 't1', inspection: 'Completed', inspection_reason: null, inspection_method: 'local', inspect: 0 },
      { id: 'p1', inspection: 'Pending', inspection_reason: null, inspection_method: null, inspect: 1 },
      { id: 'x1', inspection: 'Failed', inspection_reason: 'unsupported', inspection_method: null, inspect: 0 },
      { id: 'b1', inspection: 'Failed', inspection_reason: 'too-large', inspection_method: null, inspect: 0 },
      { id: 'g1', inspection: 'Not applicable', inspection_reason: null, inspection_method: null, inspect: 0 },
      { id: 'r1', inspection: 'Failed', inspection_reason: 'access-denied', inspection_method: null, inspect: 0 },
      { id: 'r2', inspection: 'Failed', inspection_reason: 'download-error', inspection_method: null, inspect: 0 },
    ]);
  });

  it('fills the content figures from the rows, and the triggers keep them equal to a count after', () => {
    migrate(db, 5);
    version5Files();
    migrate(db, 6);
    expect(figures(db)).toEqual(fromFiles(db));
    expect(figures(db).types).toEqual([
      { ext: 'txt', files: 1, bytes: 100, failed: 3, reused: 0 },
      { ext: 'xyz', files: 0, bytes: 0, failed: 1, reused: 0 },
    ]);
    db.close();
    const store = new ScanStore(path);
    try {
      // The pdf is inspected (reused from the same content), the text file read again and failed.
      store.tx(() => {
        store.inspected('p1', 0, {
          inspection: 'Completed',
          inspectionReason: null,
          findings: '{"card":0,"iban":2,"ssn":0,"nino":0,"email":0}',
          scannedSha1: 'bb',
          inspectionMethod: 'local',
          locations: '{"iban":[{"where":"page 1","masked":"•••• 1234"}]}',
          reused: true,
        });
      });
      expect(store.contentFigures()).toEqual({
        inspected: { files: 2, bytes: 2100 },
        byType: [
          { ext: 'txt', files: 1, bytes: 100, failed: 3 },
          { ext: 'pdf', files: 1, bytes: 2000, failed: 0 },
          { ext: 'xyz', files: 0, bytes: 0, failed: 1 },
        ],
        failedByReason: [
          { reason: 'access-denied', files: 1 },
          { reason: 'download-error', files: 1 },
          { reason: 'too-large', files: 1 },
          { reason: 'unsupported', files: 1 },
        ],
        reused: 1,
      });
      expect(checkStore(path).problems).toEqual([]);
      const check = new Database(path, { readonly: true });
      try {
        expect(figures(check)).toEqual(fromFiles(check));
      } finally {
        check.close();
      }
      store.reset();
      expect(store.contentFigures()).toEqual({
        inspected: { files: 0, bytes: 0 },
        byType: [],
        failedByReason: [],
        reused: 0,
      });
    } finally {
      store.close();
    }
  });
});
