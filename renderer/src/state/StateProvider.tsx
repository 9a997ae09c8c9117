/**
 * The one place the renderer gets the bridge and the core's state from: the bridge object and
 * one store per core service (connection, scan progress, settings, policies, governance runs), each subscribed once to its
 * event for the whole app. Screens read them through the hooks in ./hooks.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { BoxCompanionApi } from '../../../common/bridge/contract';
import { ConnectionStore } from './connection-store';
import { PolicyStore } from './policy-store';
import { RunStore } from './run-store';
import { ScanProgressStore } from './scan-progress-store';
import { SettingsStore } from './settings-store';

export interface Stores {
  bridge: BoxCompanionApi;
  connection: ConnectionStore;
  scan: ScanProgressStore;
  settings: SettingsStore;
  policies: PolicyStore;
  runs: RunStore;
}

const StoresContext = createContext<Stores | null>(null);

export function StateProvider({ bridge, children }: { bridge: BoxCompanionApi; children: ReactNode }) {
  const [stores] = useState<Stores>(() => ({
    bridge,
    connection: new ConnectionStore(bridge),
    scan: new ScanProgressStore(bridge),
    settings: new SettingsStore(bridge),
    policies: new PolicyStore(bridge),
    runs: new RunStore(bridge),
  }));
  useEffect(() => {
    const stops = [
      stores.connection.start(),
      stores.scan.start(),
      stores.settings.start(),
      stores.policies.start(),
      stores.runs.start(),
    ];
    return () => stops.forEach((stop) => stop());
  }, [stores]);
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs a <StateProvider> above it.');
  return stores;
}
