import { useEffect, useState } from 'react';
import type { AppInfo, BoxCompanionApi } from '../../common/bridge/contract';
import type { Settings } from '../../common/settings';
import { AboutPanel } from './screens/AboutPanel';
import { t } from './strings';
import { useTheme } from './theme';

export function App({ api }: { api: BoxCompanionApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTheme(settings?.theme ?? 'system');

  useEffect(() => {
    Promise.all([api.getAppInfo({}), api.getSettings({})])
      .then(([appInfo, current]) => {
        setInfo(appInfo);
        setSettings(current);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
    return api.on('settingsChanged', setSettings);
  }, [api]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t.appTitle}</h1>
      </header>
      <main>
        {error && (
          <p role="alert" className="error">
            {t.bridgeFailed} {error}
          </p>
        )}
        {!error && !info && <p aria-busy="true">{t.loading}</p>}
        {info && settings && <AboutPanel info={info} settings={settings} onThemeChange={(theme) => api.updateSettings({ theme })} />}
      </main>
    </div>
  );
}
