/**
 * The core behind the bridge: one handler per contract call, and the event streams. It knows
 * nothing about transports; Electron IPC and the test WebSocket both drive it through
 * dispatch.ts.
 */
import type { ExtractorSpawner } from '../extract/extractor-link';
import { EventEmitter } from 'node:events';
import type { AppInfo, CallResults, EventPayloads, ValidCallArgs } from '../../../common/bridge/contract';
import type { CallName, EventName } from '../../../common/bridge/names';
import type { SecretStore } from '../keychain/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { APP_NAME, APP_VERSION } from '../version';
import { connectionHandlers } from '../connection/bridge-handlers';
import { conntestHandlers } from '../conntest/bridge-handlers';
import { helpdeskHandlers } from '../helpdesk/bridge-handlers';
import type { ConnectionManager } from '../connection/connection-manager';
import type { InAppSandbox } from '../connection/in-app-sandbox';
import { walkthroughHandlers } from '../walkthrough/bridge-handlers';
import { scanHandlers } from '../scan/bridge-handlers';
import { policyHandlers } from '../policy/bridge-handlers';
import { governanceHandlers } from '../governance/bridge-handlers';
import { GovernanceService } from '../governance/governance-service';
import { ScanService } from '../scan/scan-service';
import { policyServiceFor } from '../policy/core-policies';
import { backfillUnderSettings } from '../settings/scan-defaults';
import type { SettingsView } from '../../../common/settings-locks';

export type Handlers = { [N in CallName]: (args: ValidCallArgs<N>) => Promise<CallResults[N]> };

export interface CoreServices {
  home: string;
  runtime: AppInfo['runtime'];
  secrets: SecretStore;
  settings: SettingsStore;
  connection: ConnectionManager;
  sandbox: InAppSandbox;
  /** Opens a sign-in page in the system browser (Electron's shell; the harness only logs it). */
  openBrowser(url: string): Promise<void> | void;
  /** How document extractors start; the desktop app's host starts them (default: a Node child process). */
  extractorSpawner?: ExtractorSpawner;
  /** An OS notification for a new policy match (the desktop app: only while no window is focused); absent in the harness and the CLI. */
  notify?(title: string, body: string): void;
}

/** Typed main→renderer event streams; transports subscribe and forward. */
export class CoreEvents {
  private readonly emitter = new EventEmitter();
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    this.emitter.emit(event, payload);
  }
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }
}

export interface Core {
  handlers: Handlers;
  events: CoreEvents;
  /** Stops the scan, closes SQLite and the in-app sandbox; settles when they are closed. */
  dispose(): Promise<void>;
}

/** The settings as the bridge carries them: the effective values, and what the organisation manages. */
function settingsView(settings: SettingsStore): SettingsView {
  return { ...settings.get(), managed: settings.managed() };
}

export function createCore(services: CoreServices): Core {
  const events = new CoreEvents();
  // The activity log keeps what the settings say (the CLI reads the same setting).
  const scan = new ScanService(services.home, services.connection, {
    activityRetentionDays: services.settings.get().activityRetentionDays,
    extractorSpawner: services.extractorSpawner,
  });
  const policies = policyServiceFor(services.home, scan, events, services.notify);
  const governance = new GovernanceService(services.home, {
    connection: services.connection,
    policies: policies.store,
    scanStore: () => scan.store,
    // One rate per connection: the actions go through the scan's scheduler.
    scheduler: () => scan.scheduler(),
    onProgress: (run) => events.emit('actionRunProgress', run),
  });
  // Automatic actions (opt-in per policy): the live matcher's new matches go to the runner.
  policies.setAutomaticHook((policy, fileIds) => {
    if (policy.automatic?.length) void governance.onNewMatches(policy, fileIds);
  });
  const unsubscribers = [
    scan.onProgress((p) => events.emit('scanProgress', p)),
    services.settings.onChange((settings) => {
      scan.setActivityRetentionDays(settings.activityRetentionDays);
      events.emit('settingsChanged', { ...settings, managed: services.settings.managed() });
    }),
    services.connection.onChange((state) => events.emit('connectionChanged', state)),
  ];

  const handlers: Handlers = {
    async getAppInfo() {
      return {
        name: APP_NAME,
        version: APP_VERSION,
        runtime: services.runtime,
        platform: process.platform,
        home: services.home,
        keychain: await services.secrets.status(),
      };
    },
    async getSettings() {
      return settingsView(services.settings);
    },
    async updateSettings(patch) {
      services.settings.update(patch);
      return settingsView(services.settings);
    },
    ...walkthroughHandlers(services),
    ...connectionHandlers(services),
    ...conntestHandlers({ ...services, emitProgress: (progress) => events.emit('connectionTestProgress', progress) }),
    ...helpdeskHandlers(),
    ...scanHandlers({ home: services.home, scan, backfill: (args) => backfillUnderSettings(services.settings, args) }),
    ...policyHandlers(policies),
    ...governanceHandlers({ home: services.home, governance }),
  };

  return {
    handlers,
    events,
    async dispose() {
      unsubscribers.forEach((off) => off());
      policies.stop();
      // The scan first: the in-app sandbox is what it talks to, and stopping that under it
      // turns every request in flight into a retry the scan then waits out.
      await scan.dispose().catch(() => undefined);
      await services.sandbox.stop().catch(() => undefined);
      governance.close();
    },
  };
}
