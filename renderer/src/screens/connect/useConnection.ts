import { useCallback, useEffect, useState } from 'react';
import type { BoxCompanionApi } from '../../../../common/bridge/contract';
import type { SandboxSummary } from '../../../../common/bridge/connection-calls';
import type { ConnectionState } from '../../../../common/connection';

/** The connection state from the core, kept live through the connectionChanged event. */
export function useConnection(api: BoxCompanionApi) {
  const [state, setState] = useState<ConnectionState | null>(null);
  const [sandbox, setSandbox] = useState<SandboxSummary | null>(null);
  const [app, setApp] = useState<{ target: 'box' | 'sandbox'; clientId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const current = await api.getConnection({});
    setState(current.state);
    setSandbox(current.sandbox);
    setApp(current.app);
  }, [api]);

  useEffect(() => {
    void refresh();
    return api.on('connectionChanged', (next) => setState(next));
  }, [api, refresh]);

  /** Runs an action, showing a plain message instead of throwing when it fails. */
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setProblem(null);
      try {
        await action();
        await refresh();
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      } finally {
        setBusy(false);
      }
    },
    [refresh],
  );

  return { state, sandbox, app, busy, problem, run };
}
