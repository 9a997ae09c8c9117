/**
 * What the organisation's locks mean for choosing the app to sign in with (the bridge and the
 * CLI's connect both ask): the sandbox only when offered, a Box app only with the managed
 * client ID when one is set.
 */
import { SettingLockedError } from './managed-settings-store';
import type { SettingsStore } from './settings-store';

export function assertAppAllowed(settings: SettingsStore, app: { target: 'box' | 'sandbox'; clientId: string }): void {
  const current = settings.get();
  if (app.target === 'sandbox') {
    if (!current.offerSandbox) throw new SettingLockedError(['offerSandbox'], settings.managed().path);
    return;
  }
  settings.assertUnlocked({ ...current, boxApp: { ...current.boxApp, clientId: app.clientId } });
}
