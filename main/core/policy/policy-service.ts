/**
 * Policies as the core serves them: the store of policy files, the live matcher over the scan
 * store, the previews and the alerts. The bridge handlers and the desktop app use this, and so
 * does `box-companion scan` (its matcher runs as the app's does). The policy files are watched:
 * one the CLI saves, changes or removes reaches the matcher and the list (policy-sync.ts).
 */
import { existsSync, mkdirSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
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
import { PolicySync } from './policy-sync';

/** Changes on disk are taken this long after the last (an editor writes a file in steps). */
const WATCH_DEBOUNCE_MS = 150;

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
  private readonly sync: PolicySync;
  private watcher: FSWatcher | null = null;
  private watchTimer: NodeJS.Timeout | null = null;

  constructor(private readonly o: PolicyServiceOptions) {
    this.store = new PolicyStore(o.home);
    this.automatic = o.onNewMatches;
    this.matcher = new LiveMatcher({
      ...o,
      policies: () => this.store.list().policies,
      onNewMatches: (policy, ids) => this.automatic?.(policy, ids),
    });
    this.sync = new PolicySync(this.matcher, () => o.db());
  }

  /** The runner's automatic actions: called with each policy's new matches. */
  setAutomaticHook(hook: MatcherHooks['onNewMatches']): void {
    this.automatic = hook;
  }

  start(): void {
    this.matcher.start();
    this.refresh();
    this.watchFiles();
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.matcher.stop();
  }

  /** The policy files as they are now reach the matcher (another process may have changed them). */
  refresh(): Policy[] {
    const policies = this.store.list().policies;
    this.sync.sync(policies);
    return policies;
  }

  /** Every first pass started so far has ended, and no changed file waits: for a one-shot command. */
  async settled(): Promise<void> {
    await this.sync.settled();
    const db = this.o.db();
    if (db) while (this.matcher.drainBatch(db, 1000) > 0);
  }

  private watchFiles(): void {
    try {
      mkdirSync(this.store.dir, { recursive: true, mode: 0o700 });
      this.watcher = watch(this.store.dir, () => {
        if (this.watchTimer) clearTimeout(this.watchTimer);
        this.watchTimer = setTimeout(() => this.refresh(), WATCH_DEBOUNCE_MS).unref();
      });
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // No watching here (a file system without it): the list still reads the files each time.
    }
  }

  summary(policy: Policy): PolicySummary {
    const path = join(this.store.dir, `${policy.id}.json`);
    const updatedAt = existsSync(path) ? statSync(path).mtime.toISOString() : new Date().toISOString();
    return { policy, ...this.matcher.countsOf(policy.id), updatedAt };
  }

  list(): PolicySummary[] {
    return this.refresh().map((p) => this.summary(p));
  }

  /** Saves and evaluates it over every file (its baseline: no alert for what already matched). */
  save(policy: Policy): PolicySummary {
    const saved = this.store.save(policy);
    this.refresh();
    return this.summary(saved);
  }

  fromTemplate(id: TemplateId): PolicySummary {
    const t = templateById(id);
    return this.save({ ...t.policy, id: this.store.freeId(t.id) });
  }

  importText(json: string): PolicySummary {
    const policy = this.store.importText(json);
    this.refresh();
    return this.summary(policy);
  }

  remove(id: string): boolean {
    const removed = this.store.remove(id);
    const db = this.o.db();
    if (db) forgetPolicy(db, id);
    this.matcher.forget(id);
    this.refresh();
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
