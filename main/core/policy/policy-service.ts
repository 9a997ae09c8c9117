/**
 * Policies as the core serves them: the store of policy files, the live matcher over the scan
 * store, the previews and the alerts. The bridge handlers and the desktop app use this; the
 * CLI uses the store and the queries directly (no matcher runs in a one-shot command).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { templateById } from '../../../common/policy/templates';
import type { Policy, PolicyFilter, PolicySummary, TemplateId } from '../../../common/policy/types';
import type { FindingsPage } from '../../../common/scan/types';
import { forgetPolicy, listAlerts, markSeen } from './alerts';
import { LiveMatcher, type MatcherHooks } from './live-matcher';
import { FilterPreviews } from './filter-preview';
import { policyMatches } from './policy-queries';
import { PolicyStore, policyText } from './policy-store';

export interface PolicyServiceOptions extends MatcherHooks {
  home: string;
  /** The scan store's write connection, or null when there is no store yet. */
  db(): Database | null;
  /** Its read-only connection (the previews), or null. */
  reader(): Database | null;
}

export class PolicyService {
  readonly store: PolicyStore;
  readonly matcher: LiveMatcher;
  private automatic: MatcherHooks['onNewMatches'];
  readonly previews = new FilterPreviews();

  constructor(private readonly o: PolicyServiceOptions) {
    this.store = new PolicyStore(o.home);
    this.automatic = o.onNewMatches;
    this.matcher = new LiveMatcher({
      ...o,
      policies: () => this.store.list().policies,
      onNewMatches: (policy, ids) => this.automatic?.(policy, ids),
    });
  }

  /** The runner's automatic actions: called with each policy's new matches. */
  setAutomaticHook(hook: MatcherHooks['onNewMatches']): void {
    this.automatic = hook;
  }

  start(): void {
    this.matcher.start();
  }

  stop(): void {
    this.matcher.stop();
  }

  summary(policy: Policy): PolicySummary {
    const path = join(this.store.dir, `${policy.id}.json`);
    const updatedAt = existsSync(path) ? statSync(path).mtime.toISOString() : new Date().toISOString();
    return { policy, ...this.matcher.countsOf(policy.id), updatedAt };
  }

  list(): PolicySummary[] {
    return this.store.list().policies.map((p) => this.summary(p));
  }

  /** Saves and evaluates it over every file (its baseline: no alert for what already matched). */
  save(policy: Policy): PolicySummary {
    const saved = this.store.save(policy);
    this.matcher.reload();
    void this.matcher.evaluateAll(saved.id, { baseline: true });
    return this.summary(saved);
  }

  fromTemplate(id: TemplateId): PolicySummary {
    const t = templateById(id);
    return this.save({ ...t.policy, id: this.store.freeId(t.id) });
  }

  importText(json: string): PolicySummary {
    const policy = this.store.importText(json);
    this.matcher.reload();
    void this.matcher.evaluateAll(policy.id, { baseline: true });
    return this.summary(policy);
  }

  remove(id: string): boolean {
    const removed = this.store.remove(id);
    const db = this.o.db();
    if (db) forgetPolicy(db, id);
    this.matcher.forget(id);
    return removed;
  }

  /** Writes the policy file under <home>/exports/: the same text an import takes. */
  exportFile(id: string): { path: string; bytes: number } {
    const text = policyText(this.store.require(id));
    const dir = join(this.o.home, 'exports');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, `policy-${id}.json`);
    writeFileSync(path, text, { mode: 0o600 });
    return { path, bytes: Buffer.byteLength(text) };
  }

  async preview(filter: PolicyFilter, page: { offset: number; limit: number }): Promise<FindingsPage> {
    const db = this.o.reader();
    if (!db) return { total: 0, offset: page.offset, limit: page.limit, entries: [] };
    return this.previews.page(db, filter, page);
  }

  matches(id: string, page: { offset: number; limit: number }): FindingsPage {
    this.store.require(id);
    const db = this.o.reader();
    if (!db) return { total: 0, offset: page.offset, limit: page.limit, entries: [] };
    return policyMatches(db, id, page);
  }

  markSeen(id: string): PolicySummary {
    const policy = this.store.require(id);
    const db = this.o.db();
    if (db) markSeen(db, id);
    this.matcher.seen(id);
    return this.summary(policy);
  }

  alerts(q: { unseenOnly?: boolean; offset: number; limit: number }) {
    const db = this.o.reader();
    if (!db) return { total: 0, unseen: 0, entries: [] };
    return listAlerts(db, q);
  }
}
