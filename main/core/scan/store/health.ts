/**
 * The store's health for `box-companion doctor` and help desks: opened read-only (a running
 * scan is not disturbed, nothing is migrated), SQLite's own integrity check, the schema
 * version, the counters against COUNT(*), and the counts, all read from one snapshot. Every
 * problem is a sentence.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './migrations';
import { COUNTERS_FROM_TABLES } from './migrations/0003-counters';
import { OWNER_COUNTS_FROM_FILES } from './migrations/0004-owner-counts';
import { CONTENT_REASONS_FROM_FILES, CONTENT_TYPES_FROM_FILES } from './migrations/0006-content';
import { errorMessage } from './redact';
import type { StoreCounts } from './rows';

export interface StoreHealth {
  path: string;
  healthy: boolean;
  problems: string[];
  /** Worth knowing, not wrong (a store of an earlier version, migrated by the next scan). */
  notes: string[];
  schemaVersion: number | null;
  /** Counted row by row (COUNT(*)): the truth the counters are checked against. */
  counts: StoreCounts | null;
}

const COUNTER_COLUMNS: Record<keyof StoreCounts, string> = {
  users: 'users',
  reachable: 'reachable',
  folders: 'folders',
  listed: 'listed',
  files: 'files',
  queued: 'queued',
  done: 'done',
  failed: 'failed',
  notScanned: 'not_scanned',
  inspectionPending: 'inspection_pending',
  events: 'events',
  backfillEvents: 'backfill_events',
};

export function checkStore(path: string): StoreHealth {
  const health: StoreHealth = { path, healthy: false, problems: [], notes: [], schemaVersion: null, counts: null };
  if (!existsSync(path)) {
    health.problems.push(`no scan store at ${path}: run box-companion scan first`);
    return health;
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const open = db;
    // One read transaction: one WAL snapshot for the row counts, the counters and the owner
    // counts, so a scan committing meanwhile is not reported as drift.
    open.transaction(() => checkOpen(open, health))();
  } catch (e) {
    health.problems.push(`the store cannot be read: ${errorMessage(e)}`);
  } finally {
    db?.close();
  }
  health.healthy = health.problems.length === 0;
  return health;
}

function checkOpen(db: Database.Database, health: StoreHealth): void {
  const integrity = (db.prepare('PRAGMA integrity_check(20)').all() as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
  if (integrity.join() !== 'ok') {
    health.problems.push(`SQLite integrity check failed: ${integrity.join('; ')}`);
    return; // counts from a damaged file mean nothing
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  health.schemaVersion = version;
  if (version > SCHEMA_VERSION)
    health.problems.push(`schema version ${version} is newer than this app knows (${SCHEMA_VERSION})`);
  else if (version < SCHEMA_VERSION)
    health.notes.push(
      `schema version ${version} is older than this app's (${SCHEMA_VERSION}): the next scan migrates it`,
    );
  // Version 0 is the last release's store (tables, no version) or an empty file.
  const hasTables =
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'").get() !== undefined;
  if (version > SCHEMA_VERSION || !hasTables) return;
  const counts = db.prepare(COUNTERS_FROM_TABLES).get() as Record<string, number>;
  health.counts = Object.fromEntries(
    Object.entries(COUNTER_COLUMNS).map(([k, col]) => [k, counts[col]!]),
  ) as unknown as StoreCounts;
  if (version >= 3) checkCounters(db, health.counts, health.problems);
  if (version >= 4) checkOwnerCounts(db, health.problems);
  if (version >= 6) checkContentCounts(db, health.problems);
}

/** The content phase's figures (by type, failed by reason) against the files (all-zero rows are none). */
function checkContentCounts(db: Database.Database, problems: string[]): void {
  const differ = (truth: string, kept: string) =>
    db
      .prepare(
        `SELECT COUNT(*) n FROM (SELECT * FROM (${truth} EXCEPT ${kept}) UNION ALL SELECT * FROM (${kept} EXCEPT ${truth}))`,
      )
      .get() as { n: number };
  const types = differ(
    CONTENT_TYPES_FROM_FILES,
    'SELECT ext, files, bytes, failed, reused FROM content_types WHERE files <> 0 OR bytes <> 0 OR failed <> 0 OR reused <> 0',
  );
  if (types.n) problems.push('the content figures by file type differ from the files');
  const reasons = differ(CONTENT_REASONS_FROM_FILES, 'SELECT reason, files FROM content_reasons WHERE files <> 0');
  if (reasons.n) problems.push('the content failures by reason differ from the files');
}

/** Owners whose kept counts differ from their files (either way round; all-zero rows are no owner). */
function checkOwnerCounts(db: Database.Database, problems: string[]): void {
  const kept =
    'SELECT owner_id, files, scanned, failed, not_scanned, queued FROM owner_counts WHERE files <> 0 OR scanned <> 0 OR failed <> 0 OR not_scanned <> 0 OR queued <> 0';
  const drift = db
    .prepare(
      `SELECT owner_id FROM (${OWNER_COUNTS_FROM_FILES} EXCEPT ${kept}) UNION SELECT owner_id FROM (${kept} EXCEPT ${OWNER_COUNTS_FROM_FILES}) LIMIT 5`,
    )
    .all() as Array<{ owner_id: string }>;
  if (drift.length)
    problems.push(
      `the per-user file counts differ from the files for ${drift.map((d) => d.owner_id).join(', ')}${drift.length === 5 ? ' and more' : ''}`,
    );
}

function checkCounters(db: Database.Database, truth: StoreCounts, problems: string[]): void {
  const kept = db.prepare('SELECT * FROM counters').get() as Record<string, number> | undefined;
  if (!kept) {
    problems.push('the counters row is missing');
    return;
  }
  for (const [key, col] of Object.entries(COUNTER_COLUMNS) as Array<[keyof StoreCounts, string]>) {
    if (kept[col] !== truth[key]) problems.push(`counter ${key} says ${kept[col]} but the store holds ${truth[key]}`);
  }
}
