import type { BoxCompanionApi, EventPayloads } from '../../../common/bridge/contract';
import type { PolicyAlert, PolicySummary } from '../../../common/policy/types';
import { BaseStore } from './base-store';

export interface PolicyView {
  /** Every policy with its live match count. */
  summaries: PolicySummary[];
  /** Alerts the admin has not seen yet (the navigation's badge). */
  unseenAlerts: number;
  /** The newest alert received live; null until one arrives. */
  latestAlert: PolicyAlert | null;
  /** The alerts of the last `policyAlerts` event, oldest first, for the toast (empty until one arrives). */
  latestAlerts: PolicyAlert[];
}

/**
 * The policies as every screen sees them: read once, then kept live through `policyMatches`
 * (each policy's count, at most 4 times a second) and `policyAlerts` (the new matches since the
 * last, at most 10 times a second). Counts that name another set of policies than the list
 * (one saved or removed by the CLI) read the list again.
 */
export class PolicyStore extends BaseStore<PolicyView> {
  private generation = 0;

  constructor(private readonly bridge: BoxCompanionApi) {
    super();
  }

  start(): () => void {
    const offMatches = this.bridge.on('policyMatches', (payload) => this.applyCounts(payload));
    const offAlert = this.bridge.on('policyAlerts', (payload) => this.receiveAlerts(payload));
    void this.refresh().catch(() => undefined); // refresh records the failure in the snapshot
    return () => {
      this.generation++;
      offMatches();
      offAlert();
    };
  }

  /** Reads the list and the unseen alerts again (after a save, a removal, an import). */
  async refresh(): Promise<void> {
    const mine = ++this.generation;
    try {
      const [summaries, alerts] = await Promise.all([
        this.bridge.listPolicies({}),
        this.bridge.listAlerts({ unseenOnly: true, offset: 0, limit: 1 }),
      ]);
      if (mine !== this.generation) return;
      const { latestAlert = null, latestAlerts = [] } = this.getSnapshot().value ?? {};
      this.emit({ summaries, unseenAlerts: alerts.unseen, latestAlert, latestAlerts });
    } catch (reason) {
      if (mine === this.generation) this.fail(reason);
      throw reason;
    }
  }

  private applyCounts({ counts }: EventPayloads['policyMatches']): void {
    const current = this.getSnapshot().value;
    if (!current) return;
    const byId = new Map(counts.map((count) => [count.policyId, count]));
    const sameSet = counts.length === current.summaries.length && current.summaries.every((s) => byId.has(s.policy.id));
    if (!sameSet) {
      void this.refresh().catch(() => undefined);
      return;
    }
    const summaries = current.summaries.map((summary) => {
      const count = byId.get(summary.policy.id);
      return count && (count.matches !== summary.matches || count.newMatches !== summary.newMatches)
        ? { ...summary, matches: count.matches, newMatches: count.newMatches }
        : summary;
    });
    if (summaries.some((summary, i) => summary !== current.summaries[i])) this.emit({ ...current, summaries });
  }

  private receiveAlerts({ alerts }: EventPayloads['policyAlerts']): void {
    if (alerts.length === 0) return;
    const current = this.getSnapshot().value ?? { summaries: [], unseenAlerts: 0, latestAlert: null, latestAlerts: [] };
    const unseen = alerts.filter((alert) => !alert.seen).length;
    this.emit({
      ...current,
      unseenAlerts: current.unseenAlerts + unseen,
      latestAlert: alerts[alerts.length - 1]!,
      latestAlerts: alerts,
    });
  }
}
