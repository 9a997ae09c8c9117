/**
 * The walkthrough's memory, kept in the settings store so it survives restarts: which data
 * center and console generation the admin chose, and which steps they ticked, per data center
 * and generation. "Start over" clears one data center's ticks.
 */
import {
  portalStepIds,
  stepIds,
  type ConsoleGeneration,
  type DataCenterId,
  type PortalGeneration,
} from '../../../common/allowlist';
import type { WalkthroughState } from '../../../common/bridge/contract';
import { appErrors } from '../../../common/errors/error-codes';
import type { WalkthroughSettings } from '../../../common/settings';
import type { SettingsStore } from '../settings/settings-store';

export function readWalkthroughState(settings: SettingsStore): WalkthroughState {
  const current = settings.get();
  return { ...current.walkthrough, companionClientId: current.boxApp.clientId };
}

function save(
  settings: SettingsStore,
  change: (walkthrough: WalkthroughSettings) => WalkthroughSettings,
): WalkthroughState {
  settings.update({ walkthrough: change(settings.get().walkthrough) });
  return readWalkthroughState(settings);
}

export function chooseWalkthrough(
  settings: SettingsStore,
  choice: {
    dataCenter?: DataCenterId | null | undefined;
    consoleGeneration?: ConsoleGeneration | null | undefined;
    portalGeneration?: PortalGeneration | null | undefined;
  },
): WalkthroughState {
  return save(settings, (walkthrough) => ({
    ...walkthrough,
    ...(choice.dataCenter !== undefined ? { dataCenter: choice.dataCenter } : {}),
    ...(choice.consoleGeneration !== undefined ? { consoleGeneration: choice.consoleGeneration } : {}),
    ...(choice.portalGeneration !== undefined ? { portalGeneration: choice.portalGeneration } : {}),
  }));
}

export function setStepTicked(
  settings: SettingsStore,
  {
    dataCenter,
    consoleGeneration,
    stepId,
    ticked,
  }: { dataCenter: DataCenterId; consoleGeneration: ConsoleGeneration; stepId: string; ticked: boolean },
): WalkthroughState {
  const known = stepIds(consoleGeneration);
  if (!known.includes(stepId)) {
    throw appErrors.invalid_argument(
      `The ${consoleGeneration} walkthrough has no step "${stepId}" (its steps: ${known.join(', ')}).`,
    );
  }
  return save(settings, (walkthrough) => {
    const forCenter = walkthrough.ticks[dataCenter] ?? {};
    const before = new Set(forCenter[consoleGeneration] ?? []);
    if (ticked) before.add(stepId);
    else before.delete(stepId);
    // Stored in step order so the file reads naturally.
    const after = known.filter((id) => before.has(id));
    return {
      ...walkthrough,
      ticks: { ...walkthrough.ticks, [dataCenter]: { ...forCenter, [consoleGeneration]: after } },
    };
  });
}

/** Ticks or unticks one step of the portal half, stored per data center and portal generation. */
export function setPortalStepTicked(
  settings: SettingsStore,
  {
    dataCenter,
    portalGeneration,
    stepId,
    ticked,
  }: { dataCenter: DataCenterId; portalGeneration: PortalGeneration; stepId: string; ticked: boolean },
): WalkthroughState {
  const known = portalStepIds(portalGeneration);
  if (!known.includes(stepId)) {
    throw appErrors.invalid_argument(
      `The ${portalGeneration} portal steps have no step "${stepId}" (its steps: ${known.join(', ')}).`,
    );
  }
  return save(settings, (walkthrough) => {
    const forCenter = walkthrough.portalTicks[dataCenter] ?? {};
    const before = new Set(forCenter[portalGeneration] ?? []);
    if (ticked) before.add(stepId);
    else before.delete(stepId);
    const after = known.filter((id) => before.has(id));
    return {
      ...walkthrough,
      portalTicks: { ...walkthrough.portalTicks, [dataCenter]: { ...forCenter, [portalGeneration]: after } },
    };
  });
}

export function startOver(settings: SettingsStore, { dataCenter }: { dataCenter: DataCenterId }): WalkthroughState {
  return save(settings, (walkthrough) => {
    const ticks = { ...walkthrough.ticks };
    delete ticks[dataCenter];
    const portalTicks = { ...walkthrough.portalTicks };
    delete portalTicks[dataCenter];
    return { ...walkthrough, ticks, portalTicks };
  });
}
