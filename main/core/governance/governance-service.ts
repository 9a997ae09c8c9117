/**
 * The governance side of one app home: the audit log (always open: listing and exporting it
 * needs no sign-in) and, on first need, the runner over the connection (the Box client with
 * the SDK's retries off, the connection's rate scheduler, the actions). The app's core and the
 * CLI both use it; in the core the actions share the scan's scheduler.
 */
import { join } from 'node:path';
import type { ActionRun, AuditEntry, Policy } from '../../../common/policy/types';
import { networkSessionFor } from '../auth/box-endpoints';
import type { ConnectionManager } from '../connection/connection-manager';
import type { PolicyStore } from '../policy/policy-store';
import { scanClient } from '../scan/box-api';
import { DEFAULT_RATE } from '../scan/engine';
import { NotConnectedError } from '../scan/scan-service';
import { RequestScheduler } from '../scan/scheduler';
import type { ScanStore } from '../scan/store/scan-store';
import { AUDIT_FILE, AuditStore } from './audit-store';
import { GovernanceRunner } from './runner';
import { ScanStorePolicies } from './scan-store-policies';
import { defaultWiring, type GovernanceWiring } from './wiring';

export interface GovernanceServiceOptions {
  connection: ConnectionManager;
  policies: PolicyStore;
  /** The scan store the matches come from (the scan's own in the app). */
  scanStore(): ScanStore;
  /**
   * The connection's scheduler, shared with the scan (the app's core: ScanService.scheduler), so
   * a scan and an apply at once keep to one rate. Absent: one of the service's own, with
   * `rateLimitPerSecond` (the CLI: no scan runs in its process).
   */
  scheduler?(): Promise<RequestScheduler>;
  /** Requests per second of its own scheduler (default: Box's 1,000 a minute; the sandbox: unlimited). */
  rateLimitPerSecond?: number;
  concurrency?: number;
  onProgress?(run: ActionRun): void;
  onEntry?(entry: AuditEntry): void;
  wiring?: GovernanceWiring;
}

export function auditDbPath(home: string): string {
  return join(home, AUDIT_FILE);
}

export class GovernanceService {
  readonly audit: AuditStore;
  /** The runner and the sign-in it acts as (`who`: a new sign-in, even of the same user, builds a new one). */
  private built: { who: string; runner: Promise<GovernanceRunner> } | null = null;
  /** The last runner built: pause and cancel go through it (see `halt`). */
  private lastBuilt: GovernanceRunner | null = null;
  scheduler: RequestScheduler | null = null;

  constructor(
    private readonly home: string,
    private readonly o: GovernanceServiceOptions,
  ) {
    this.audit = new AuditStore(auditDbPath(home));
  }

  /**
   * The runner over the connection as it is now: built on first need and again after a new
   * sign-in (another admin's runs act and are logged as that admin); a failure (not connected)
   * is not kept. The new runner takes over the line of the one before, so runs still queue one
   * at a time and an earlier run can still be paused or cancelled.
   */
  async runner(): Promise<GovernanceRunner> {
    const state = await this.o.connection.state();
    if (state.status !== 'connected') {
      // A sign-in lost (expired, revoked) keeps the runner built: its runs can still be paused
      // or cancelled, and its Box calls fail as Box answers them.
      if (this.built) return this.built.runner;
      throw new NotConnectedError();
    }
    const who = `${state.clientId} ${state.apiUrl} ${state.user.id} ${state.connectedAt}`;
    if (this.built?.who !== who) {
      const before = this.built;
      const runner = this.build(before?.runner).then((r) => (this.lastBuilt = r));
      // A failed build (an outage, a 429 on /users/me) puts the one before back: its line holds
      // the live runs' controls, and the next call tries the new sign-in again.
      runner.catch(() => {
        if (this.built?.runner === runner) this.built = before;
      });
      this.built = { who, runner };
    }
    return this.built.runner;
  }

  /**
   * Pause or cancel at once: through the runner already built (every runner of this service
   * shares one line, so it reaches any run this process applies), never waiting for a new
   * sign-in's runner to be built (a keychain read and a Box call, which may fail).
   */
  async halt(runId: string, mode: 'pause' | 'cancel'): Promise<ActionRun> {
    const runner = this.lastBuilt ?? (await this.runner());
    return mode === 'pause' ? runner.pause(runId) : runner.cancel(runId);
  }

  private async build(previous?: Promise<GovernanceRunner>): Promise<GovernanceRunner> {
    const line = previous && (await previous.catch(() => null))?.line;
    const state = await this.o.connection.state();
    const profile = this.o.connection.profile();
    if (state.status !== 'connected' || !profile) throw new NotConnectedError();
    const client = scanClient(this.o.connection.session(), networkSessionFor(profile.endpoints));
    const rate = this.o.rateLimitPerSecond ?? (profile.target === 'sandbox' ? 0 : DEFAULT_RATE);
    const concurrency = this.o.concurrency ?? 4;
    const scheduler = this.o.scheduler
      ? await this.o.scheduler()
      : new RequestScheduler({ ratePerSecond: rate, concurrency });
    this.scheduler = scheduler;
    const scan = this.o.scanStore();
    const parts = await (this.o.wiring ?? defaultWiring)({
      client,
      scheduler,
      home: this.home,
      isMember: (id) => scan.isMember(id),
    });
    return new GovernanceRunner({
      audit: this.audit,
      policies: new ScanStorePolicies(this.o.policies, scan),
      box: parts.box,
      actionFor: parts.actionFor,
      by: state.user.login,
      concurrency,
      onProgress: this.o.onProgress,
      onEntry: this.o.onEntry,
      line,
    });
  }

  /** The live matcher's new matches: each policy's automatic actions, when connected (else none). */
  async onNewMatches(policy: Policy, fileIds: string[]): Promise<void> {
    try {
      await (await this.runner()).onNewMatches(policy, fileIds);
    } catch {
      // Not connected, or the run failed: nothing automatic happens; the matches stay listed.
    }
  }

  close(): void {
    this.audit.close();
  }
}
