import { useEffect, useState } from 'react';
import type { AppInfo, BoxCompanionApi } from '../../common/bridge/contract';
import type { FirstRunStep, Settings } from '../../common/settings';
import { AboutPanel } from './screens/AboutPanel';
import { ActivityScreen } from './screens/activity/ActivityScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { FindingsScreen } from './screens/findings/FindingsScreen';
import { AppHeader, type AppPage } from './screens/layout/AppHeader';
import { FirstRunFlow } from './screens/layout/FirstRunFlow';
import { useNotifications } from './screens/layout/useNotifications';
import { ToastProvider } from './screens/layout/Toasts';
import { useFocusOnChange } from './screens/layout/useFocusOnChange';
import { ConnectScreen } from './screens/connect/ConnectScreen';
import { useConnection } from './screens/connect/useConnection';
import { ScanStartStep } from './screens/dashboard/ScanStartStep';
import { ConnTestScreen } from './screens/conntest/ConnTestScreen';
import { WalkthroughScreen } from './screens/walkthrough/WalkthroughScreen';
import { t } from './strings';
import { useTheme } from './theme';

export function App({ api }: { api: BoxCompanionApi }) {
  return (
    <ToastProvider>
      <AppBody api={api} />
    </ToastProvider>
  );
}

/**
 * First launch walks the guided flow (Welcome → Allowlist → Connect → Test → Scan); once a scan
 * was started from it, the app opens on the scan dashboard, with every set-up screen still in
 * the navigation.
 */
function AppBody({ api }: { api: BoxCompanionApi }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  // null until settings arrive: then the flow's saved step, or the dashboard for returning users.
  const [page, setPage] = useState<AppPage | null>(null);
  // Set when another screen sends the admin to the allowlist key (the connection test's fix).
  const [walkthroughFocus, setWalkthroughFocus] = useState<'key' | null>(null);
  useTheme(settings?.theme ?? 'system');

  useEffect(() => {
    Promise.all([api.getAppInfo({}), api.getSettings({})])
      .then(([appInfo, current]) => {
        setInfo(appInfo);
        setSettings(current);
        setPage((existing) => existing ?? (current.firstRun.done ? 'dashboard' : 'setup'));
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
    return api.on('settingsChanged', setSettings);
  }, [api]);

  const firstRunDone = settings?.firstRun.done ?? false;
  const go = (next: AppPage) => {
    setWalkthroughFocus(null);
    setPage(next);
  };
  const openAllowlistKey = () => {
    go('allowlist');
    setWalkthroughFocus('key');
  };
  const openStep = (step: FirstRunStep) => {
    if (!settings) return;
    if (firstRunDone) {
      // After the first run, the set-up steps are ordinary pages.
      setPage(step === 'allowlist' ? 'allowlist' : step === 'connect' ? 'connect' : step === 'test' ? 'test' : step === 'scan' ? 'scanStart' : 'dashboard');
      return;
    }
    setPage('setup');
    void api.updateSettings({ firstRun: { ...settings.firstRun, step } });
  };
  useNotifications(api, { onReconnect: () => openStep('connect'), onOpenFindings: () => go('findings') });
  const { state: connection } = useConnection(api);
  const connected = connection?.status === 'connected';
  const mainRef = useFocusOnChange<HTMLElement>(`${page}:${settings?.firstRun.step}`);

  return (
    <div className="app">
      <AppHeader api={api} page={page} firstRunDone={firstRunDone} onNavigate={go} onOpenConnect={() => openStep('connect')} />
      <main ref={mainRef} tabIndex={-1} aria-label={t.nav.mainRegion}>
        {error && (
          <p role="alert" className="error">
            {t.bridgeFailed} {error}
          </p>
        )}
        {!error && (!info || !settings || !page) && <p aria-busy="true">{t.loading}</p>}
        {info && settings && page === 'setup' && (
          <FirstRunFlow
            api={api}
            step={settings.firstRun.step}
            onStep={openStep}
            onScanStarted={() => {
              void api.updateSettings({ firstRun: { done: true, step: 'scan' } });
              go('dashboard');
            }}
          />
        )}
        {info && settings && page === 'dashboard' && <DashboardScreen api={api} onNavigate={go} onStartScan={() => openStep('scan')} />}
        {info && settings && page === 'scanStart' && (
          <ScanStartStep api={api} connected={connected} onOpenConnect={() => go('connect')} onStarted={() => go('dashboard')} />
        )}
        {info && settings && page === 'findings' && <FindingsScreen api={api} />}
        {info && settings && page === 'activity' && <ActivityScreen api={api} />}
        {info && settings && page === 'allowlist' && <WalkthroughScreen api={api} focus={walkthroughFocus} />}
        {info && settings && page === 'connect' && <ConnectScreen api={api} onOpenAllowlist={() => go('allowlist')} />}
        {info && settings && page === 'test' && <ConnTestScreen api={api} onOpenAllowlist={openAllowlistKey} onReconnect={() => go('connect')} />}
        {info && settings && page === 'about' && (
          <AboutPanel info={info} settings={settings} onThemeChange={(theme) => api.updateSettings({ theme })} />
        )}
      </main>
    </div>
  );
}
