/** The walkthrough's remembered state, loaded from and saved through the core. */
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleGeneration, DataCenterId } from '../../../../common/allowlist';
import type { WalkthroughState } from '../../../../common/bridge/contract';
import { useBridge } from '../../state/hooks';
import { describeError, type DescribedError } from '../../errors/describe-error';

export interface WalkthroughActions {
  chooseDataCenter(dataCenter: DataCenterId): void;
  chooseConsole(consoleGeneration: ConsoleGeneration): void;
  setTicked(stepId: string, ticked: boolean): void;
  startOver(): Promise<void>;
}

export function useWalkthrough(): {
  state: WalkthroughState | null;
  error: DescribedError | null;
  actions: WalkthroughActions;
} {
  const bridge = useBridge();
  const [state, setState] = useState<WalkthroughState | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  const report = useCallback((reason: unknown) => setError(describeError(reason)), []);

  useEffect(() => {
    bridge.getWalkthroughState({}).then(setState, report);
  }, [bridge, report]);

  const actions: WalkthroughActions = {
    chooseDataCenter(dataCenter) {
      setState((current) => current && { ...current, dataCenter });
      bridge.chooseWalkthrough({ dataCenter }).then(setState, report);
    },
    chooseConsole(consoleGeneration) {
      setState((current) => current && { ...current, consoleGeneration });
      bridge.chooseWalkthrough({ consoleGeneration }).then(setState, report);
    },
    setTicked(stepId, ticked) {
      if (!state?.dataCenter || !state.consoleGeneration) return;
      const { dataCenter, consoleGeneration } = state;
      // Show the tick at once (a controlled checkbox would otherwise spring back until the
      // core answers); the core's answer then replaces this guess.
      const before = state.ticks[dataCenter]?.[consoleGeneration] ?? [];
      const after = ticked ? [...before, stepId] : before.filter((id) => id !== stepId);
      setState({
        ...state,
        ticks: { ...state.ticks, [dataCenter]: { ...state.ticks[dataCenter], [consoleGeneration]: after } },
      });
      bridge.setStepTicked({ dataCenter, consoleGeneration, stepId, ticked }).then(setState, report);
    },
    async startOver() {
      if (!state?.dataCenter) return;
      await bridge.startOver({ dataCenter: state.dataCenter }).then(setState, report);
    },
  };
  return { state, error, actions };
}
