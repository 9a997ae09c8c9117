/**
 * Keeps the live matcher in step with the policy files, whoever wrote them (the app, or the
 * CLI in another process): the matcher compiles the files again when any changed, a policy
 * whose filter is new or changed gets its first pass over every file (its baseline), and a
 * policy whose file is gone leaves no match or alert behind. Which filter each policy was last
 * evaluated with is kept in scan.sqlite (meta `policy_filters`), so a policy the CLI added
 * while the app was closed is evaluated when the app next starts. Runs in the core.
 */
import type { Database } from 'better-sqlite3';
import type { Policy } from '../../../common/policy/types';
import { cached } from '../scan/store/statements';
import { forgetPolicy } from './alerts';
import type { LiveMatcher } from './live-matcher';

const META_KEY = 'policy_filters';

function evaluatedFilters(db: Database): Record<string, string> {
  const row = cached<{ value: string }>(db, 'SELECT value FROM meta WHERE key = ?').get(META_KEY);
  return row ? (JSON.parse(row.value) as Record<string, string>) : {};
}

function saveEvaluated(db: Database, filters: Record<string, string>): void {
  cached(db, 'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    META_KEY,
    JSON.stringify(filters),
  );
}

export class PolicySync {
  private compiledText = '';
  private readonly running = new Map<string, { filter: string; done: Promise<void> }>();

  constructor(
    private readonly matcher: LiveMatcher,
    private readonly db: () => Database | null,
  ) {}

  /** Brings the matcher to `policies` (the files as they are now). Cheap when nothing changed. */
  sync(policies: readonly Policy[]): void {
    const text = JSON.stringify(policies);
    if (text !== this.compiledText) {
      this.compiledText = text;
      this.matcher.reload();
    }
    const db = this.db();
    if (!db) return;
    const evaluated = evaluatedFilters(db);
    const ids = new Set(policies.map((p) => p.id));
    const gone = Object.keys(evaluated).filter((id) => !ids.has(id));
    for (const id of gone) {
      forgetPolicy(db, id);
      this.matcher.forget(id);
      delete evaluated[id];
    }
    if (gone.length > 0) saveEvaluated(db, evaluated);
    for (const p of policies) {
      const filter = JSON.stringify(p.filter);
      if (evaluated[p.id] !== filter && this.running.get(p.id)?.filter !== filter) this.evaluate(db, p.id, filter);
    }
  }

  /** The first passes still running have ended. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private evaluate(db: Database, id: string, filter: string): void {
    const done = this.matcher.evaluateAll(id, { baseline: true, db }).then(
      (matches) => {
        if (this.running.get(id)?.done !== done) return; // a newer filter took over
        this.running.delete(id);
        if (matches < 0 || !db.open) return; // cancelled (removed, or the matcher stopped)
        saveEvaluated(db, { ...evaluatedFilters(db), [id]: filter });
      },
      () => void this.running.delete(id),
    );
    this.running.set(id, { filter, done });
  }
}
