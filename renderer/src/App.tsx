import { useEffect, useState } from 'react';
import type { AppInfo, BoxCompanionApi } from '../../common/bridge/contract';
import type { Settings } from '../../common/settings';
import { AboutPanel } from './screens/AboutPanel';
import { ConnectionBadge } from './screens/connect/ConnectionBadge';
import { ConnectScreen } from './screens/connect/ConnectScreen';
import { ConnTestScreen } from './screens/conntest/ConnTestScreen';
import { WalkthroughScreen } from './screens/walkthrough/WalkthroughScreen';
import { t } from './strings';
import { useTheme } from './theme';

type View = 'walkthrough' | 'connect' | 'conntest' | 'about';

export function App({ api }: { api: BoxCompanionApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<View>('walkthrough');
  // Set when another screen sends the admin to the allowlist key step (the connection test's fix).
  const [walkthroughFocus, setWalkthroughFocus] = useState<'key' | null>(null);
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

  const navButton = (target: View, label: string) => (
    <li>
      <button type="button" className="nav-link" aria-current={view === target ? 'page' : undefined} onClick={() => {
          setWalkthroughFocus(null);
          setView(target);
        }}>
        {label}
      </button>
    </li>
  );

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t.appTitle}</h1>
        <nav aria-label={t.nav.label}>
          <ul>
            {navButton('walkthrough', t.nav.walkthrough)}
            {navButton('connect', t.nav.connect)}
            {navButton('conntest', t.nav.conntest)}
            {navButton('about', t.nav.about)}
          </ul>
        </nav>
        <ConnectionBadge api={api} onOpen={() => setView('connect')} />
      </header>
      <main>
        {error && (
          <p role="alert" className="error">
            {t.bridgeFailed} {error}
          </p>
        )}
        {!error && !info && <p aria-busy="true">{t.loading}</p>}
        {info && settings && view === 'walkthrough' && <WalkthroughScreen api={api} focus={walkthroughFocus} />}
        {info && settings && view === 'connect' && <ConnectScreen api={api} onOpenAllowlist={() => setView('walkthrough')} />}
        {info && settings && view === 'conntest' && (
          <ConnTestScreen
            api={api}
            onOpenAllowlist={() => {
              // The walkthrough keeps the data center in settings, so it opens on that data center's key.
              setWalkthroughFocus('key');
              setView('walkthrough');
            }}
            onReconnect={() => setView('connect')}
          />
        )}
        {info && settings && view === 'about' && (
          <AboutPanel info={info} settings={settings} onThemeChange={(theme) => api.updateSettings({ theme })} />
        )}
      </main>
    </div>
  );
}
