/**
 * The editor's live preview of a filter not saved yet, at a million files. The filter is
 * evaluated once over the files (keyset chunks on the read-only connection, a turn of the event
 * loop after each few milliseconds, so the core's other calls go on), keeping the matching
 * rowids in order; every page is then a slice of that list read back by rowid (an indexed read
 * of `limit` rows). The list is kept for the next pages while the store is unchanged or for a
 * few seconds (a scan writes all the time: a preview may be that old). A newer filter stops
 * the evaluation of an older one still running: only the latest is asked for (the editor
 * debounces and drops an older answer), and two passes over a million files at once would
 * only slow both. Runs in the core.
 */
import type { Database } from 'better-sqlite3';
import { CodedError } from '../../../common/errors/error-codes';
import { compileFilter } from '../../../common/policy/match';
import type { PolicyFilter } from '../../../common/policy/types';
import type { FindingsPage } from '../../../common/scan/types';
import { toFinding } from '../scan/store/queries';
import { cached } from '../scan/store/statements';
import { awaitsFirstScan, FACT_COLUMNS, factsOf, type FactsRow } from './file-facts';

const CHUNK = 250;
/** The longest the pass holds the core's thread before it yields (ms). */
const SLICE_MS = 12;
/** A finished list answers the next pages this long even though the scan wrote meanwhile. */
const REUSE_MS = 15_000;
const KEEP = 3;

interface Evaluation {
  key: string;
  rowids: number[];
  done: Promise<void>;
  cancelled: boolean;
  finishedAt: number | null;
  dataVersion: number;
}

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FilterPreviews {
  private readonly evaluations = new Map<string, Evaluation>();
  /** The longest single hold of the thread so far (ms), for the bench. */
  longestSliceMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async page(db: Database, filter: PolicyFilter, page: { offset: number; limit: number }): Promise<FindingsPage> {
    const e = this.evaluationOf(db, filter);
    await e.done;
    if (e.cancelled) throw new CodedError('invalid_argument', 'a preview of a newer filter replaced this one');
    const ids = e.rowids.slice(page.offset, page.offset + page.limit);
    const rows = cached<FactsRow & { row: number }>(
      db,
      `SELECT f.rowid AS row, ${FACT_COLUMNS} FROM files f LEFT JOIN folders d ON d.id = f.folder_id
        WHERE f.rowid IN (SELECT value FROM json_each(?)) ORDER BY f.rowid`,
    ).all(JSON.stringify(ids));
    return { total: e.rowids.length, offset: page.offset, limit: page.limit, entries: rows.map(toFinding) };
  }

  private evaluationOf(db: Database, filter: PolicyFilter): Evaluation {
    const key = JSON.stringify(filter);
    const dataVersion = db.pragma('data_version', { simple: true }) as number;
    const known = this.evaluations.get(key);
    if (known && !known.cancelled && this.fresh(known, dataVersion)) return known;
    for (const other of this.evaluations.values()) if (other.finishedAt === null) other.cancelled = true;
    const e: Evaluation = { key, rowids: [], done: Promise.resolve(), cancelled: false, finishedAt: null, dataVersion };
    // A pass that failed (SQLITE_BUSY, the store closed by a reset) is not kept: the next
    // preview of the filter evaluates it again instead of rethrowing the old failure.
    e.done = this.run(db, filter, e).catch((error: unknown) => {
      if (this.evaluations.get(key) === e) this.evaluations.delete(key);
      throw error;
    });
    this.evaluations.delete(key);
    this.evaluations.set(key, e);
    while (this.evaluations.size > KEEP) this.evaluations.delete(this.evaluations.keys().next().value!);
    return e;
  }

  private fresh(e: Evaluation, dataVersion: number): boolean {
    return e.finishedAt === null || e.dataVersion === dataVersion || this.now() - e.finishedAt < REUSE_MS;
  }

  private async run(db: Database, filter: PolicyFilter, e: Evaluation): Promise<void> {
    const test = compileFilter(filter, this.now());
    const levels = filter.accessLevels ?? [];
    const narrow = levels.length ? `AND f.access_level IN (${levels.map(() => '?').join(', ')})` : '';
    const chunk = cached<FactsRow & { row: number }>(
      db,
      `SELECT f.rowid AS row, ${FACT_COLUMNS} FROM files f LEFT JOIN folders d ON d.id = f.folder_id
        WHERE f.rowid > ? ${narrow} ORDER BY f.rowid LIMIT ?`,
    );
    let sliceStart = performance.now();
    for (let after = 0; ;) {
      const rows = chunk.all(after, ...levels, CHUNK);
      for (const r of rows) {
        if (awaitsFirstScan(r)) continue;
        const facts = factsOf(r);
        if (facts.status !== 'gone' && test(facts)) e.rowids.push(r.row);
      }
      if (rows.length < CHUNK) break;
      after = rows[rows.length - 1]!.row;
      if (performance.now() - sliceStart >= SLICE_MS) {
        this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
        await yieldTurn();
        if (e.cancelled) return;
        sliceStart = performance.now();
      }
    }
    this.longestSliceMs = Math.max(this.longestSliceMs, performance.now() - sliceStart);
    e.finishedAt = this.now();
  }
}
