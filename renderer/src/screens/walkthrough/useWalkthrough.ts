/** The walkthrough's remembered state, loaded from and saved through the core. */
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleGeneration, DataCenterId } from '../../../../common/allowlist';
import type { BoxCompanionApi, WalkthroughState } from '../../../../common/bridge/contract';

export interface WalkthroughActions {
  chooseDataCenter(dataCenter: DataCenterId): void;
  chooseConsole(consoleGeneration: ConsoleGeneration): void;
  setTicked(stepId: string, ticked: boolean): void;
  startOver(): Promise<void>;
}

export function useWalkthrough(api: BoxCompanionApi): { state: WalkthroughState | null; error: string | null; actions: WalkthroughActions } {
  const [state, setState] = useState<WalkthroughState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const report = useCallback((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)), []);

  useEffect(() => {
    api.getWalkthroughState({}).then(setState, report);
  }, [api, report]);

  const actions: WalkthroughActions = {
    chooseDataCenter(dataCenter) {
      setState((current) => current && { ...current, dataCenter });
      api.chooseWalkthrough({ dataCenter }).then(setState, report);
    },
    chooseConsole(consoleGeneration) {
      setState((current) => current && { ...current, consoleGeneration });
      api.chooseWalkthrough({ consoleGeneration }).then(setState, report);
    },
    setTicked(stepId, ticked) {
      if (!state?.dataCenter || !state.consoleGeneration) return;
      const { dataCenter, consoleGeneration } = state;
      // Show the tick at once (a controlled checkbox would otherwise spring back until the
      // core answers); the core's answer then replaces this guess.
      const before = state.ticks[dataCenter]?.[consoleGeneration] ?? [];
      const after = ticked ? [...before, stepId] : before.filter((id) => id !== stepId);
      setState({ ...state, ticks: { ...state.ticks, [dataCenter]: { ...state.ticks[dataCenter], [consoleGeneration]: after } } });
      api.setStepTicked({ dataCenter, consoleGeneration, stepId, ticked }).then(setState, report);
    },
    async startOver() {
      if (!state?.dataCenter) return;
      await api.startOver({ dataCenter: state.dataCenter }).then(setState, report);
    },
  };
  return { state, error, actions };
}
