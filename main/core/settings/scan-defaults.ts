/**
 * The scan's start options under the settings: a start that names no history pulls the
 * settings' backfill days, and when the organisation locked them, a start asking for another
 * history (other days, a date, none) is refused (setting_locked). Used by the bridge and the CLI.
 */
import type { BackfillChoice } from '../../../common/scan/types';
import { isManagedKey } from '../../../common/settings-locks';
import { SettingLockedError } from './managed-settings-store';
import type { SettingsStore } from './settings-store';

export interface ScanStartOptions {
  days?: number | undefined;
  since?: string | undefined;
  noBackfill?: boolean | undefined;
}

export function backfillUnderSettings(settings: SettingsStore, options: ScanStartOptions): BackfillChoice {
  const days = settings.get().scan.backfillDays;
  const managed = settings.managed();
  if (isManagedKey(managed, 'scan.backfillDays')) {
    const other =
      options.noBackfill || options.since !== undefined || (options.days !== undefined && options.days !== days);
    if (other) throw new SettingLockedError(['scan.backfillDays'], managed.path);
    return { days };
  }
  if (options.noBackfill) return { none: true };
  if (options.since) return { since: options.since };
  return { days: options.days ?? days };
}
