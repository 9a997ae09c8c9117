import type { BoxCompanionApi, EventPayloads } from '../../../common/bridge/contract';
import type { PolicyAlert, PolicySummary } from '../../../common/policy/types';
import { BaseStore } from './base-store';

export interface PolicyView {
  /** Every policy with its live match count. */
  summaries: PolicySummary[];
  /** Alerts the admin has not seen yet (the navigation's badge). */
  unseenAlerts: number;
  /** The newest alert received live, for the toast; null until one arrives. */
  latestAlert: PolicyAlert | null;
}

/**
 * The policies as every screen sees them: read once, then kept live through `policyMatches`
 * (each policy's count, at most 4 times a second) and `policyAlert` (a new match). A count for a
 * policy the list does not know yet (saved by the CLI) reads the list again.
 */
export class PolicyStore extends BaseStore<PolicyView> {
  private generation = 0;

  constructor(private readonly bridge: BoxCompanionApi) {
    super();
  }

  start(): () => void {
    const offMatches = this.bridge.on('policyMatches', (payload) => this.applyCounts(payload));
    const offAlert = this.bridge.on('policyAlert', (alert) => this.receiveAlert(alert));
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
      const latestAlert = this.getSnapshot().value?.latestAlert ?? null;
      this.emit({ summaries, unseenAlerts: alerts.unseen, latestAlert });
    } catch (reason) {
      if (mine === this.generation) this.fail(reason);
      throw reason;
    }
  }

  private applyCounts({ counts }: EventPayloads['policyMatches']): void {
    const current = this.getSnapshot().value;
    if (!current) return;
    const byId = new Map(counts.map((count) => [count.policyId, count]));
    if (counts.some((count) => !current.summaries.some((s) => s.policy.id === count.policyId))) {
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

  private receiveAlert(alert: PolicyAlert): void {
    const current = this.getSnapshot().value ?? { summaries: [], unseenAlerts: 0, latestAlert: null };
    this.emit({ ...current, unseenAlerts: current.unseenAlerts + (alert.seen ? 0 : 1), latestAlert: alert });
  }
}
