/**
 * The policy reads behind the Policies screen, the dry run and the CLI: a policy's matches,
 * newest first; the files a filter matches now, as the live matcher judges them (a file never
 * scanned, or gone, matches nothing: policies check scan results); and the counts of a
 * one-shot command. (The editor's live preview: filter-preview.ts.)
 */
import type { Database } from 'better-sqlite3';
import { compileFilter } from '../../../common/policy/match';
import type { Policy, PolicyFileFacts, PolicyFilter } from '../../../common/policy/types';
import type { FindingsPage } from '../../../common/scan/types';
import { toFinding } from '../scan/store/queries';
import { cached } from '../scan/store/statements';
import { awaitsFirstScan, FACT_COLUMNS, factsOf, type FactsRow } from './file-facts';

const PAGE = 2000;

export function policyMatches(db: Database, policyId: string, page: { offset: number; limit: number }): FindingsPage {
  const total = cached<{ n: number }>(db, 'SELECT COUNT(*) n FROM policy_matches WHERE policy_id = ?').get(policyId)!.n;
  const rows = cached<FactsRow>(
    db,
    `SELECT ${FACT_COLUMNS} FROM policy_matches m JOIN files f ON f.id = m.file_id LEFT JOIN folders d ON d.id = f.folder_id
      WHERE m.policy_id = ? ORDER BY m.matched_at DESC, m.file_id LIMIT ? OFFSET ?`,
  ).all(policyId, page.limit, page.offset);
  return { total, offset: page.offset, limit: page.limit, entries: rows.map(toFinding) };
}

/** How many files each policy matches now: one pass over the files, every policy per row. */
export function countMatches(db: Database, policies: readonly Policy[], now = Date.now()): Map<string, number> {
  const tests = policies.map((p) => ({ id: p.id, test: compileFilter(p.filter, now) }));
  const counts = new Map(policies.map((p) => [p.id, 0]));
  for (const facts of judgedFiles(db))
    for (const t of tests) if (t.test(facts)) counts.set(t.id, counts.get(t.id)! + 1);
  return counts;
}

/**
 * Every file `filter` matches now, with its facts, judged as the live matcher and the preview
 * judge: the dry run plans exactly what the policy's count says.
 */
export function* filesMatching(db: Database, filter: PolicyFilter, now = Date.now()): Generator<PolicyFileFacts> {
  const test = compileFilter(filter, now);
  for (const facts of judgedFiles(db)) if (test(facts)) yield facts;
}

/** The facts of every file a policy may judge: scanned at least once, not gone (keyset pages: no open iterator). */
function* judgedFiles(db: Database): Generator<PolicyFileFacts> {
  const chunk = cached<FactsRow & { row: number }>(
    db,
    `SELECT f.rowid AS row, ${FACT_COLUMNS} FROM files f LEFT JOIN folders d ON d.id = f.folder_id
      WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`,
  );
  for (let after = 0; ;) {
    const rows = chunk.all(after, PAGE);
    for (const r of rows) {
      if (awaitsFirstScan(r)) continue;
      const facts = factsOf(r);
      if (facts.status !== 'gone') yield facts;
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.row;
  }
}
