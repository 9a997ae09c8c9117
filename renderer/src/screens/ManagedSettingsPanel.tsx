import { consoleGenerationInfo, dataCenter as findDataCenter } from '../../../common/allowlist';
import { settingAt, type ManagedKey, type SettingsView } from '../../../common/settings-locks';
import type { ConsoleGeneration, DataCenterId } from '../../../common/allowlist';
import { t } from '../strings';
import { LockedSetting } from './layout/LockedSetting';

/** The settings the organisation preset, each marked and with nothing to change; or why its file was not used. */
export function ManagedSettingsPanel({ settings }: { settings: SettingsView }) {
  const { managed } = settings;
  const s = t.managed;
  return (
    <section aria-labelledby="managed-heading" className="panel managed-panel" data-testid="managed-settings">
      <h3 id="managed-heading">{s.heading}</h3>
      {managed.problem ? (
        <div className="managed-problem" role="alert" data-testid="managed-problem">
          <p className="warn">{s.problem(managed.problem.message)}</p>
          <p className="detail">{s.problemFix}</p>
        </div>
      ) : managed.keys.length ? (
        <>
          <p className="detail">{s.intro(managed.path)}</p>
          {managed.keys.map((key) => (
            <LockedSetting key={key} label={s.keys[key]} testId={`managed-${key}`}>
              {describeValue(key, settingAt(settings, key))}
            </LockedSetting>
          ))}
        </>
      ) : (
        <p className="detail">{s.none(managed.path)}</p>
      )}
    </section>
  );
}

/** A managed value in the app's words (the data center's name, "30 days", …). */
function describeValue(key: ManagedKey, value: unknown): string {
  switch (key) {
    case 'walkthrough.dataCenter':
      return findDataCenter(value as DataCenterId).displayName;
    case 'walkthrough.consoleGeneration':
      return consoleGenerationInfo(value as ConsoleGeneration).name;
    case 'scan.backfillDays':
    case 'activityRetentionDays':
      return t.managed.days(value as number);
    case 'offerSandbox':
      return value ? t.managed.yes : t.managed.no;
    case 'boxApp.clientId':
      return String(value);
  }
}
