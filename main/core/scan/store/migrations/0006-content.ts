/**
 * Migration 6: content inspection (issue 14). Files gain how their text was read
 * (inspection_method), where the first matches are (locations: masked JSON, never a value),
 * whether the result was reused from the same content elsewhere, and the not-before time and
 * tries of a Box text representation that is still pending. inspection_reason now holds a
 * reason code (common/scan/inspection.ts): the free-text reasons of before are mapped. The
 * `contents` table keeps one result per SHA-1 (same content, read once). The content phase's
 * figures (by type, failed by reason) are kept by triggers, so a progress snapshot reads a few
 * short rows, never a GROUP BY over the files.
 * Frozen: a later change is a new migration, never an edit here.
 */
import type { Database } from 'better-sqlite3';
import { FileState } from '../../../../../common/scan/states';

/** The old free-text reasons, as the scan wrote them before codes. */
const REASON_CODES = `CASE
  WHEN inspection_reason IS NULL THEN NULL
  WHEN inspection_reason LIKE 'too large%' THEN 'too-large'
  WHEN inspection_reason LIKE 'too long%' THEN 'too-long'
  WHEN inspection_reason LIKE 'unsupported type%' THEN 'unsupported'
  WHEN inspection_reason LIKE 'no text to inspect%' THEN NULL
  WHEN inspection_reason LIKE 'download refused by Box: HTTP 404%' THEN 'deleted'
  WHEN inspection_reason LIKE 'download refused by Box: HTTP 403%' THEN 'access-denied'
  WHEN inspection_reason LIKE 'could not be read:%' THEN 'download-error'
  WHEN inspection_reason IN ('too-large', 'too-long', 'encrypted', 'corrupted', 'unsupported', 'archive-limit', 'timeout',
    'download-error', 'access-denied', 'deleted', 'internal') THEN inspection_reason
  ELSE 'internal' END`;

/**
 * The types this release reads that the last one called "unsupported": their files go back to
 * the inspection phase (access level kept), so an upgrade inspects what was skipped. A literal
 * list: a migration never changes with the code's sets.
 */
const NEWLY_READ = `'pdf', 'docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xltx', 'xltm', 'pptx', 'pptm', 'potx', 'potm', 'ppsx', 'ppsm',
  'odt', 'ods', 'odp', 'ott', 'ots', 'otp', 'zip', 'doc', 'dot', 'xls', 'xlt', 'ppt', 'pps', 'pot', 'rtf', 'msg', 'wpd',
  'boxnote', 'boxcanvas', 'gdoc', 'gsheet', 'gslides', 'gslide'`;

const INSPECTED = (r: string) => `${r}.inspection IN ('Completed', 'Partially scanned')`;
const COUNTS = (r: string) => `(${INSPECTED(r)} OR ${r}.inspection = 'Failed' OR ${r}.inspection_reused = 1)`;
const FAILED_REASON = (r: string) => `${r}.inspection = 'Failed' AND ${r}.inspection_reason IS NOT NULL`;

/** Adds (`+`) or removes (`-`) one files row from the content figures. */
function contentDelta(r: 'NEW' | 'OLD', sign: '+' | '-'): string {
  return `
    UPDATE content_types SET files = files ${sign} (${INSPECTED(r)}),
      bytes = bytes ${sign} (CASE WHEN ${INSPECTED(r)} THEN COALESCE(${r}.size, 0) ELSE 0 END),
      failed = failed ${sign} (${r}.inspection = 'Failed'), reused = reused ${sign} (${r}.inspection_reused = 1)
      WHERE ${COUNTS(r)} AND ext = COALESCE(${r}.ext, '');
    UPDATE content_reasons SET files = files ${sign} 1 WHERE ${FAILED_REASON(r)} AND reason = ${r}.inspection_reason;`;
}

/** The rows a NEW row adds to, made when missing (not INSERT OR IGNORE: see migration 4). */
const ENSURE_ROWS = `
  INSERT INTO content_types(ext) SELECT COALESCE(NEW.ext, '') WHERE ${COUNTS('NEW')}
    AND NOT EXISTS (SELECT 1 FROM content_types WHERE ext = COALESCE(NEW.ext, ''));
  INSERT INTO content_reasons(reason) SELECT NEW.inspection_reason WHERE ${FAILED_REASON('NEW')}
    AND NOT EXISTS (SELECT 1 FROM content_reasons WHERE reason = NEW.inspection_reason);`;

const COLUMNS = 'inspection, inspection_reason, inspection_reused, size, ext';

/** The same figures from the files table (the fill, and what a check compares with). */
export const CONTENT_TYPES_FROM_FILES = `SELECT COALESCE(ext, '') ext, SUM(${INSPECTED('files')}) files,
  SUM(CASE WHEN ${INSPECTED('files')} THEN COALESCE(size, 0) ELSE 0 END) bytes, SUM(inspection = 'Failed') failed,
  SUM(inspection_reused = 1) reused FROM files WHERE ${COUNTS('files')} GROUP BY COALESCE(ext, '')`;
export const CONTENT_REASONS_FROM_FILES = `SELECT inspection_reason reason, COUNT(*) files FROM files
  WHERE inspection = 'Failed' AND inspection_reason IS NOT NULL GROUP BY inspection_reason`;

export function up(db: Database): void {
  const changed = COLUMNS.split(', ')
    .map((c) => `OLD.${c} IS NOT NEW.${c}`)
    .join(' OR ');
  db.exec(`
    ALTER TABLE files ADD COLUMN inspection_method TEXT;
    ALTER TABLE files ADD COLUMN locations TEXT;
    ALTER TABLE files ADD COLUMN inspection_reused INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE files ADD COLUMN inspect_after INTEGER;
    ALTER TABLE files ADD COLUMN inspect_tries INTEGER NOT NULL DEFAULT 0;
    UPDATE files SET inspection_reason = ${REASON_CODES} WHERE inspection_reason IS NOT NULL;
    UPDATE files SET inspection_method = 'local' WHERE inspection = 'Completed';
    UPDATE files SET inspection = 'Pending', inspection_reason = NULL, inspection_method = NULL, findings = NULL, sensitive = 0,
      scanned_sha1 = NULL, inspect = 1
      WHERE state = ${FileState.done} AND inspection = 'Failed' AND inspection_reason = 'unsupported' AND ext IN (${NEWLY_READ});
    CREATE TABLE contents(sha1 TEXT PRIMARY KEY, state TEXT NOT NULL, reason TEXT, method TEXT, findings TEXT, locations TEXT,
      chars INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
    CREATE TABLE content_types(ext TEXT PRIMARY KEY, files INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0,
      failed INTEGER NOT NULL DEFAULT 0, reused INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
    CREATE TABLE content_reasons(reason TEXT PRIMARY KEY, files INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
    INSERT INTO content_types(ext, files, bytes, failed, reused) ${CONTENT_TYPES_FROM_FILES};
    INSERT INTO content_reasons(reason, files) ${CONTENT_REASONS_FROM_FILES};
    CREATE TRIGGER files_content_insert AFTER INSERT ON files BEGIN ${ENSURE_ROWS} ${contentDelta('NEW', '+')} END;
    CREATE TRIGGER files_content_delete AFTER DELETE ON files BEGIN ${contentDelta('OLD', '-')} END;
    CREATE TRIGGER files_content_update AFTER UPDATE OF ${COLUMNS} ON files WHEN ${changed} BEGIN
      ${contentDelta('OLD', '-')} ${ENSURE_ROWS} ${contentDelta('NEW', '+')}
    END;
  `);
}
