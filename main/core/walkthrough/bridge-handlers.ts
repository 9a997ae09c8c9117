/** The walkthrough's bridge calls, spread into the core's handlers (main/core/bridge/handlers.ts). */
import type { CallResults, ValidCallArgs } from '../../../common/bridge/contract';
import type { SettingsStore } from '../settings/settings-store';
import { chooseWalkthrough, readWalkthroughState, setPortalStepTicked, setStepTicked, startOver } from './checklist';
import { exportRunbook } from './export-runbook';

type WalkthroughCall =
  'getWalkthroughState' | 'chooseWalkthrough' | 'setStepTicked' | 'setPortalStepTicked' | 'startOver' | 'exportRunbook';

export function walkthroughHandlers(services: { home: string; settings: SettingsStore }): {
  [N in WalkthroughCall]: (args: ValidCallArgs<N>) => Promise<CallResults[N]>;
} {
  const { home, settings } = services;
  return {
    async getWalkthroughState() {
      return readWalkthroughState(settings);
    },
    async chooseWalkthrough(choice) {
      return chooseWalkthrough(settings, choice);
    },
    async setStepTicked(args) {
      return setStepTicked(settings, args);
    },
    async setPortalStepTicked(args) {
      return setPortalStepTicked(settings, args);
    },
    async startOver(args) {
      return startOver(settings, args);
    },
    async exportRunbook({ dataCenter, consoleGeneration, portalGeneration, format }) {
      const companionClientId = settings.get().boxApp.clientId;
      return exportRunbook(
        home,
        { dataCenter, consoleGeneration, portalGeneration: portalGeneration ?? null, companionClientId },
        format,
      );
    },
  };
}
