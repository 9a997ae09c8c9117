/** The walkthrough's remembered state, loaded from and saved through the core. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsoleGeneration, DataCenterId, PortalGeneration } from '../../../../common/allowlist';
import type { WalkthroughState } from '../../../../common/bridge/contract';
import { useBridge } from '../../state/hooks';
import { describeError, type DescribedError } from '../../errors/describe-error';

export interface WalkthroughActions {
  chooseDataCenter(dataCenter: DataCenterId): void;
  chooseConsole(consoleGeneration: ConsoleGeneration): void;
  setTicked(stepId: string, ticked: boolean): void;
  choosePortal(portalGeneration: PortalGeneration): void;
  setPortalTicked(stepId: string, ticked: boolean): void;
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
  // Every change is shown at once and sent to the core; the core's answers can arrive after a
  // newer change was made, and an older answer would undo it (a quick second tick springing
  // back). So only the answer to the latest request replaces the state; it holds every change.
  const latestRequest = useRef(0);
  const send = (request: () => Promise<WalkthroughState>) => {
    const id = ++latestRequest.current;
    return request().then((answer) => {
      if (id === latestRequest.current) setState(answer);
    }, report);
  };

  useEffect(() => {
    bridge.getWalkthroughState({}).then(setState, report);
  }, [bridge, report]);

  const actions: WalkthroughActions = {
    chooseDataCenter(dataCenter) {
      setState((current) => current && { ...current, dataCenter });
      void send(() => bridge.chooseWalkthrough({ dataCenter }));
    },
    chooseConsole(consoleGeneration) {
      setState((current) => current && { ...current, consoleGeneration });
      void send(() => bridge.chooseWalkthrough({ consoleGeneration }));
    },
    setTicked(stepId, ticked) {
      if (!state?.dataCenter || !state.consoleGeneration) return;
      const { dataCenter, consoleGeneration } = state;
      // Show the tick at once (a controlled checkbox would otherwise spring back until the
      // core answers), on the newest state so that two ticks in one render both count.
      setState((current) => current && withTick(current, dataCenter, consoleGeneration, stepId, ticked));
      void send(() => bridge.setStepTicked({ dataCenter, consoleGeneration, stepId, ticked }));
    },
    choosePortal(portalGeneration) {
      setState((current) => current && { ...current, portalGeneration });
      void send(() => bridge.chooseWalkthrough({ portalGeneration }));
    },
    setPortalTicked(stepId, ticked) {
      if (!state?.dataCenter || !state.portalGeneration) return;
      const { dataCenter, portalGeneration } = state;
      setState((current) => current && withPortalTick(current, dataCenter, portalGeneration, stepId, ticked));
      void send(() => bridge.setPortalStepTicked({ dataCenter, portalGeneration, stepId, ticked }));
    },
    async startOver() {
      if (!state?.dataCenter) return;
      const { dataCenter } = state;
      await send(() => bridge.startOver({ dataCenter }));
    },
  };
  return { state, error, actions };
}

function withTick(
  state: WalkthroughState,
  dataCenter: DataCenterId,
  consoleGeneration: ConsoleGeneration,
  stepId: string,
  ticked: boolean,
): WalkthroughState {
  const before = state.ticks[dataCenter]?.[consoleGeneration] ?? [];
  const after = ticked ? [...before.filter((id) => id !== stepId), stepId] : before.filter((id) => id !== stepId);
  return {
    ...state,
    ticks: { ...state.ticks, [dataCenter]: { ...state.ticks[dataCenter], [consoleGeneration]: after } },
  };
}

function withPortalTick(
  state: WalkthroughState,
  dataCenter: DataCenterId,
  portalGeneration: PortalGeneration,
  stepId: string,
  ticked: boolean,
): WalkthroughState {
  const before = state.portalTicks[dataCenter]?.[portalGeneration] ?? [];
  const after = ticked ? [...before.filter((id) => id !== stepId), stepId] : before.filter((id) => id !== stepId);
  return {
    ...state,
    portalTicks: {
      ...state.portalTicks,
      [dataCenter]: { ...state.portalTicks[dataCenter], [portalGeneration]: after },
    },
  };
}
