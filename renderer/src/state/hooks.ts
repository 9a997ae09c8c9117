/** How screens read the core's state and reach the bridge: never through an `api` prop. */
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { BoxCompanionApi } from '../../../common/bridge/contract';
import { isManagedKey, type ManagedKey, type ManagedSettingsInfo } from '../../../common/settings-locks';
import type { BaseStore, StoreSnapshot } from './base-store';
import { useStores } from './StateProvider';
import { describeError, type DescribedError } from '../errors/describe-error';

/** The bridge, for actions (start a scan, export, sign in); state comes from the hooks below. */
export function useBridge(): BoxCompanionApi {
  return useStores().bridge;
}

/**
 * A store's snapshot, or the part of it `select` picks: the component re-renders only when that
 * part changes (a screen that needs "is a scan running" is not re-rendered ten times a second).
 * `select` must return the same value for the same snapshot (a field, not a new object).
 */
export function useStore<T, S = StoreSnapshot<T>>(store: BaseStore<T>, select?: (snapshot: StoreSnapshot<T>) => S): S {
  const read = () => (select ? select(store.getSnapshot()) : (store.getSnapshot() as S));
  return useSyncExternalStore(store.subscribe, read);
}

export function useConnection() {
  return useStore(useStores().connection);
}

export function useScanProgress() {
  return useStore(useStores().scan);
}

/** Whether a scan is running now; re-renders only when that flips. */
export function useScanRunning(): boolean {
  return useStore(useStores().scan, (snapshot) => snapshot.value?.progress.running ?? false);
}

/** The policies with their live counts, and the unseen alerts. */
export function usePolicies() {
  return useStore(useStores().policies);
}

/** The number of unseen policy alerts (the navigation's badge); re-renders only when it changes. */
export function useUnseenAlerts(): number {
  return useStore(useStores().policies, (snapshot) => snapshot.value?.unseenAlerts ?? 0);
}

/** One governance run's latest reported state (null until it reports). */
export function useRunState(runId: string) {
  return useStore(useStores().runs, (snapshot) => snapshot.value?.runs.get(runId) ?? null);
}

/** How many run progress reports arrived so far: goes up while any run moves. */
export function useRunReports(): number {
  return useStore(useStores().runs, (snapshot) => snapshot.value?.reports ?? 0);
}

export function useSettings() {
  return useStore(useStores().settings);
}

/** What the organisation's managed file sets (null until the settings arrive). */
export function useManagedSettings(): ManagedSettingsInfo | null {
  return useStore(useStores().settings, (snapshot) => snapshot.value?.managed ?? null);
}

/** Whether the organisation locked one setting. */
export function useLocked(key: ManagedKey): boolean {
  return useStore(useStores().settings, (snapshot) => isManagedKey(snapshot.value?.managed, key));
}

/**
 * Runs a connection action (sign in, sign out, choose a target), then reads the connection
 * again; a failure becomes a described error (describeError) instead of a throw.
 */
export function useConnectionAction() {
  const { connection } = useStores();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setProblem(null);
      try {
        await action();
        await connection.refresh();
      } catch (error) {
        setProblem(describeError(error));
      } finally {
        setBusy(false);
      }
    },
    [connection],
  );
  return { busy, problem, run };
}
