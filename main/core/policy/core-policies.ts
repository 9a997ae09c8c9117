/**
 * The core's PolicyService, wired to the scan's store and the bridge's events. The matcher
 * starts at once but touches scan.sqlite only once it exists (a first start opens no store).
 */
import { existsSync } from 'node:fs';
import type { CoreEvents } from '../bridge/handlers';
import { scanDbPath } from '../scan/engine';
import type { ScanService } from '../scan/scan-service';
import { PolicyService } from './policy-service';

export function policyServiceFor(
  home: string,
  scan: ScanService,
  events: CoreEvents,
  notify?: (title: string, body: string) => void,
): PolicyService {
  const hasStore = () => existsSync(scanDbPath(home));
  const policies = new PolicyService({
    home,
    db: () => (hasStore() ? scan.store.writer() : null),
    reader: () => (hasStore() ? scan.store.reader() : null),
    emitMatches: (payload) => events.emit('policyMatches', payload),
    emitAlerts: (payload) => events.emit('policyAlerts', payload),
    notify,
  });
  policies.start();
  return policies;
}

/**
 * The matcher of `box-companion scan`: the app's, over the command's own store, with nobody
 * to tell live (the alerts are kept in scan.sqlite: the app lists them). The caller waits for
 * `settled()` before closing the store, so every file scanned is matched.
 */
export function scanCommandPolicies(home: string, scan: ScanService): PolicyService {
  const policies = new PolicyService({
    home,
    db: () => scan.store.writer(),
    reader: () => scan.store.reader(),
    emitMatches: () => undefined,
    emitAlerts: () => undefined,
  });
  policies.start();
  return policies;
}
