/**
 * The scan as the app and the CLI see it: one store per app home, one engine at a time built on
 * the connection's TokenSession, controls, status, the read queries and the progress stream.
 * The store opens lazily, so the dashboard can read findings with no scan running.
 */
import { mkdirSync } from 'node:fs';
import { BoxApiError as SdkApiError } from 'box-node-sdk/box';
import { CodedError } from '../../../common/errors/error-codes';
import type { BackfillChoice, ScanProgress } from '../../../common/scan/types';
import { networkSessionFor } from '../auth/box-endpoints';
import { ReconnectRequiredError } from '../auth/token-session';
import { sendRequest } from '../box/client';
import type { ConnectionManager } from '../connection/connection-manager';
import { scanClient } from './box-api';
import { DEFAULT_RATE, ScanEngine, scanDbPath, type ScanEngineOptions } from './engine';
import { errorMessage } from './failures';
import { buildProgress, NO_REQUESTS } from './progress-builder';
import { acquireScanLock } from './scan-lock';
import { RequestScheduler } from './scheduler';
import { headEntry } from './store/queries';
import { ScanStore } from './store/scan-store';

/** How long Start waits for Box's word on the sign-in before leaving it to the engine. */
const SIGN_IN_CHECK_MS = 10_000;

export class NotConnectedError extends CodedError {
  constructor() {
    super('not_connected', 'Not connected to Box: sign in first (box-companion connect, or Connect in the app).');
  }
}

export class ScanService {
  private storeInstance: ScanStore | null = null;
  private engineInstance: ScanEngine | null = null;
  private running: Promise<void> | null = null;
  private readonly listeners = new Set<(p: ScanProgress) => void>();
  private lastError: string | null = null;
  private engineKey: string | null = null;
  private readonly offConnection: () => void;
  /** The connection's one scheduler (by connection key): the scan's and the governance actions'. */
  private shared: { key: string; scheduler: RequestScheduler } | null = null;
  private starting: Promise<{ progress: ScanProgress; done: Promise<void> }> | null = null;

  constructor(
    private readonly home: string,
    private readonly connection: ConnectionManager,
    private engineOptions: Partial<Omit<ScanEngineOptions, 'dbPath' | 'client' | 'store'>> = {},
    /** Who scans, as a second scanner on this home is told ("the app", "box-companion scan"). */
    private readonly purpose = 'the Box Connect Companion app',
  ) {
    // A scan waiting for a sign-in goes on by itself once the connection is back.
    this.offConnection = connection.onChange((state) => {
      if (state.status === 'connected') this.engineInstance?.signInRestored();
    });
  }

  get store(): ScanStore {
    if (!this.storeInstance) {
      mkdirSync(this.home, { recursive: true, mode: 0o700 });
      this.storeInstance = new ScanStore(scanDbPath(this.home));
    }
    return this.storeInstance;
  }

  /** The settings' activity retention (days): the running engine prunes by it from now on. */
  setActivityRetentionDays(days: number): void {
    this.engineOptions = { ...this.engineOptions, activityRetentionDays: days };
    this.engineInstance?.setActivityRetentionDays(days);
  }

  get engine(): ScanEngine | null {
    return this.engineInstance;
  }

  onProgress(listener: (p: ScanProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The signed-in connection: its key (one scan per enterprise) and profile; throws when not connected. */
  private async connected(): Promise<{ key: string; profile: NonNullable<ReturnType<ConnectionManager['profile']>> }> {
    const state = await this.connection.state();
    const profile = this.connection.profile();
    if (state.status === 'reconnect_required') throw new ReconnectRequiredError(state.reason);
    if (state.status !== 'connected' || !profile) throw new NotConnectedError();
    return { key: `${profile.endpoints.apiUrl}|${state.enterprise?.id ?? state.user.id}`, profile };
  }

  /**
   * The connection's request scheduler, one per connection: the scan's, and the one the
   * governance actions of this process go through, so a scan and an apply at once keep to one
   * rate (and one 429 pause) instead of each sending up to the limit.
   */
  async scheduler(): Promise<RequestScheduler> {
    const { key, profile } = await this.connected();
    return this.schedulerFor(key, profile.target);
  }

  private schedulerFor(key: string, target: string): RequestScheduler {
    if (this.shared?.key === key) return this.shared.scheduler;
    // Box publishes 1,000 requests a minute per user; the sandbox limits only when told to (and
    // then answers 429 with retry-after, which the scheduler honours).
    const rate = this.engineOptions.rateLimitPerSecond ?? (target === 'sandbox' ? 0 : DEFAULT_RATE);
    const scheduler = new RequestScheduler({
      ratePerSecond: rate,
      concurrency: this.engineOptions.concurrency ?? 16,
      maxRetries: this.engineOptions.maxRetries,
    });
    this.shared = { key, scheduler };
    return scheduler;
  }

  private async ensureEngine(): Promise<ScanEngine> {
    // One scan per enterprise: connecting somewhere else starts from an empty store.
    const { key, profile } = await this.connected();
    if (this.engineInstance && this.engineKey === key) return this.engineInstance;
    if (this.engineInstance) {
      await this.stop();
      this.engineInstance.close();
      this.engineInstance = null;
    }
    const previous = this.store.meta('connection');
    if (previous !== key) {
      if (previous !== null) this.store.reset();
      this.store.setMeta('connection', key);
    }
    this.engineKey = key;
    const client = scanClient(this.connection.session(), networkSessionFor(profile.endpoints));
    const engine = new ScanEngine({
      ...this.engineOptions,
      scheduler: this.schedulerFor(key, profile.target),
      dbPath: scanDbPath(this.home),
      client,
      store: this.store,
    });
    engine.progress.on((p) => {
      for (const l of this.listeners) l(p);
    });
    this.engineInstance = engine;
    return engine;
  }

  /**
   * Starts the scan in the background (returns at once); `done` resolves when it ends (stopped,
   * or idle with untilIdle) and rejects when it fails. One scanner per home: the scan lock is
   * held while the scan runs (ScanLockedError names the process holding it).
   */
  start(choice: BackfillChoice, untilIdle = false): Promise<{ progress: ScanProgress; done: Promise<void> }> {
    // Start pressed again while starting joins that start (one lock, one engine run).
    this.starting ??= this.begin(choice, untilIdle).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async begin(
    choice: BackfillChoice,
    untilIdle: boolean,
  ): Promise<{ progress: ScanProgress; done: Promise<void> }> {
    if (this.running) return { progress: this.status(), done: this.running };
    // The lock first: choosing the engine may reset the store, which another scanner may be using.
    mkdirSync(this.home, { recursive: true, mode: 0o700 });
    const lock = acquireScanLock(this.home, { purpose: this.purpose });
    let engine: ScanEngine;
    try {
      engine = await this.ensureEngine();
      await this.confirmSignIn();
    } catch (e) {
      lock.release();
      throw e;
    }
    this.lastError = null;
    const running = engine
      .start(choice, untilIdle)
      .then(
        () => {
          this.running = null;
        },
        (e: unknown) => {
          this.running = null;
          this.lastError = errorMessage(e);
          throw e;
        },
      )
      .finally(() => lock.release());
    running.catch(() => undefined);
    this.running = running;
    return { progress: engine.snapshot(), done: running };
  }

  /**
   * Asks Box once whether it still honours the sign-in before a scan starts: one Box refuses
   * (revoked, expired) fails Start with reconnect_required where the admin pressed it, instead
   * of starting a scan that pauses at once. Anything else (no answer, a 5xx) is left to the
   * engine, which waits an outage out.
   */
  private async confirmSignIn(): Promise<void> {
    const profile = this.connection.profile();
    if (!profile) return;
    const session = this.connection.session();
    const client = scanClient(session, networkSessionFor(profile.endpoints));
    const url = `${profile.endpoints.apiUrl}/2.0/users/me`;
    try {
      await sendRequest(client, {
        method: 'GET',
        url,
        params: { fields: 'id' },
        cancellationToken: AbortSignal.timeout(SIGN_IN_CHECK_MS),
      });
    } catch (e) {
      if (e instanceof ReconnectRequiredError) throw e;
      if (!(e instanceof SdkApiError && e.responseInfo.statusCode === 401)) return;
      // Box refused the access token: a refresh Box refuses too is a lost sign-in.
      await session.refreshToken().catch((refused: unknown) => {
        if (refused instanceof ReconnectRequiredError) throw refused;
      });
    }
  }

  status(): ScanProgress {
    if (this.engineInstance) return this.engineInstance.snapshot();
    return idleSnapshot(this.store, this.lastError);
  }

  pause(): ScanProgress {
    this.engineInstance?.pause();
    return this.status();
  }

  resume(): ScanProgress {
    this.engineInstance?.resume();
    return this.status();
  }

  async stop(): Promise<ScanProgress> {
    await this.engineInstance?.stop();
    await this.running?.catch(() => undefined);
    return this.status();
  }

  /** Queues every file again; runs with the next (or current) scan. ScanLockedError while another process scans. */
  async rescanAll(): Promise<ScanProgress> {
    await this.holdingScanLock(async () => {
      if (this.engineInstance) await this.engineInstance.rescanAll();
      else await this.store.rescanAll('rescan of everything requested');
    });
    return this.status();
  }

  /** Puts one file at the front of the queue. ScanLockedError while another process scans. */
  async rescanFile(fileId: string): Promise<ScanProgress> {
    await this.holdingScanLock(async () => (await this.ensureEngine()).rescanFile(fileId));
    return this.status();
  }

  /**
   * A write to the store outside the scan: the scan lock is held for it, as by a scan (this
   * process's running scan holds it already), so nothing writes to a store another process scans.
   */
  private async holdingScanLock(write: () => Promise<void>): Promise<void> {
    await this.starting?.catch(() => undefined); // a start in progress holds the lock: join it
    if (this.running) return write();
    mkdirSync(this.home, { recursive: true, mode: 0o700 });
    const lock = acquireScanLock(this.home, { purpose: this.purpose });
    try {
      await write();
    } finally {
      lock.release();
    }
  }

  async dispose(): Promise<void> {
    this.offConnection();
    await this.stop().catch(() => undefined);
    this.engineInstance?.close();
    this.engineInstance = null;
    this.storeInstance?.close();
    this.storeInstance = null;
  }
}

/** The stored state when no engine runs in this process (after a restart, or before a scan). */
export function idleSnapshot(store: ScanStore, message: string | null = null): ScanProgress {
  const counts = store.counts();
  const w = store.meta('backfill_window');
  return buildProgress({
    phase: message ? 'error' : 'idle',
    phaseStarted: {},
    running: false,
    counts,
    content: store.contentFigures(),
    backfill: {
      done: store.meta('backfill_done') === '1',
      window: w ? (JSON.parse(w) as { from: string; to: string }) : null,
    },
    liveEvents: counts.events - counts.backfillEvents,
    requests: NO_REQUESTS,
    rates: { scanned: 0, inspected: 0 },
    head: store.head(5).map(headEntry),
    jumps: store.jumps(),
    message,
  });
}
