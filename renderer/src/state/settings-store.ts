import type { BoxCompanionApi, CallArgs } from '../../../common/bridge/contract';
import type { Settings } from '../../../common/settings';
import { BaseStore } from './base-store';

/** The app's settings, read once and kept live through the settingsChanged event. */
export class SettingsStore extends BaseStore<Settings> {
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
