import type { BoxCompanionApi, CallArgs } from '../../../common/bridge/contract';
import type { SettingsView } from '../../../common/settings-locks';
import { BaseStore } from './base-store';

/**
 * The app's settings, read once and kept live through the settingsChanged event: the effective
 * values (the organisation's over the user's), with which keys the organisation manages.
 */
export class SettingsStore extends BaseStore<SettingsView> {
  constructor(private readonly bridge: BoxCompanionApi) {
    super();
  }

  start(): () => void {
    return this.listenThenRead(
      () => this.bridge.on('settingsChanged', (settings) => this.emit(settings)),
      () => this.bridge.getSettings({}),
      (settings) => this.emit(settings),
    );
  }

  /** Saves a change through the core; the core's answer (and its event) update the store. */
  async update(patch: CallArgs<'updateSettings'>): Promise<void> {
    this.emit(await this.bridge.updateSettings(patch));
  }
}
