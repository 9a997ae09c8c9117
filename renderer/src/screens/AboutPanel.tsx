import type { AppInfo } from '../../../common/bridge/contract';
import type { Settings } from '../../../common/settings';
import type { SettingsView } from '../../../common/settings-locks';
import { t } from '../strings';
import { ManagedSettingsPanel } from './ManagedSettingsPanel';

interface Props {
  info: AppInfo;
  settings: SettingsView;
  onThemeChange(theme: Settings['theme']): void;
}

/** What this installation is, where its data lives and whether secrets can be kept safely. */
export function AboutPanel({ info, settings, onThemeChange }: Props) {
  return (
    <section aria-labelledby="about-heading" className="panel">
      <h2 id="about-heading">{t.about.heading}</h2>
      <dl>
        <dt>{t.about.version}</dt>
        <dd data-testid="app-version">{info.version}</dd>
        <dt>{t.about.runtime}</dt>
        <dd data-testid="app-runtime">{info.runtime}</dd>
        <dt>{t.about.home}</dt>
        <dd data-testid="app-home">{info.home}</dd>
        <dt>{t.about.keychain}</dt>
        <dd data-testid="keychain-status" className={info.keychain.available ? 'ok' : 'warn'}>
          {info.keychain.available ? t.about.keychainAvailable(info.keychain.service) : t.about.keychainUnavailable}
          {info.keychain.reason && <span className="detail"> {info.keychain.reason}</span>}
        </dd>
      </dl>
      <label>
        {t.theme.label}{' '}
        <select value={settings.theme} onChange={(event) => onThemeChange(event.target.value as Settings['theme'])}>
          <option value="system">{t.theme.system}</option>
          <option value="light">{t.theme.light}</option>
          <option value="dark">{t.theme.dark}</option>
        </select>
      </label>
      <ManagedSettingsPanel settings={settings} />
    </section>
  );
}
