import { useEffect, useState } from 'react';
import type { AppInfo } from '../../common/bridge/contract';
import type { FirstRunStep, Settings } from '../../common/settings';
import type { SettingsView } from '../../common/settings-locks';
import type { InspectionReason } from '../../common/scan/inspection';
import { describeError, type DescribedError } from './errors/describe-error';
import { AboutPanel } from './screens/AboutPanel';
import { ActivityScreen } from './screens/activity/ActivityScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { FindingsScreen } from './screens/findings/FindingsScreen';
import { PoliciesScreen } from './screens/policies/PoliciesScreen';
import { usePolicyAlerts } from './screens/policies/usePolicyAlerts';
import { AppHeader, type AppPage } from './screens/layout/AppHeader';
import { ErrorNotice } from './screens/layout/ErrorNotice';
import { FirstRunFlow } from './screens/layout/FirstRunFlow';
import { useNotifications } from './screens/layout/useNotifications';
import { ToastProvider } from './screens/layout/Toasts';
import { useFocusOnChange } from './screens/layout/useFocusOnChange';
import { ConnectScreen } from './screens/connect/ConnectScreen';
import { ScanStartStep } from './screens/dashboard/ScanStartStep';
import { ConnTestScreen } from './screens/conntest/ConnTestScreen';
import { WalkthroughScreen } from './screens/walkthrough/WalkthroughScreen';
import { HelpDeskScreen } from './screens/helpdesk/HelpDeskScreen';
import { useBridge, useConnection, useSettings } from './state/hooks';
import { useStores } from './state/StateProvider';
import { t } from './strings';
import { useTheme } from './theme';

export function App() {
  return (
    <ToastProvider>
      <AppBody />
    </ToastProvider>
  );
}

/**
 * First launch walks the guided flow (Welcome → Allowlist → Connect → Test → Scan); once a scan
 * was started from it, the app opens on the scan dashboard, with every set-up screen still in
 * the navigation.
 */
function AppBody() {
  const bridge = useBridge();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [infoError, setInfoError] = useState<DescribedError | null>(null);
  const { value: settings, error: settingsError } = useSettings();
  const error = infoError ?? (settings ? null : settingsError);
  useTheme(settings?.theme ?? 'system');

  useEffect(() => {
    bridge.getAppInfo({}).then(setInfo, (reason: unknown) => setInfoError(describeError(reason)));
  }, [bridge]);
  const navigation = useAppNavigation(settings);
  const { page, firstRunDone, go, openStep } = navigation;
  useNotifications({ onReconnect: () => openStep('connect'), onOpenFindings: () => go('findings') });
  usePolicyAlerts(() => go('policies'));
  const connection = useConnection().value?.state ?? null;
  const mainRef = useFocusOnChange<HTMLElement>(`${page}:${settings?.firstRun.step}`);

  return (
    <div className="app">
      <AppHeader
        connection={connection}
        page={page}
        firstRunDone={firstRunDone}
        onNavigate={go}
        onOpenConnect={() => openStep('connect')}
      />
      <main ref={mainRef} tabIndex={-1} aria-label={t.nav.mainRegion}>
        {error && (
          <ErrorNotice what={t.bridgeFailed} error={error} actions={{ retry: () => window.location.reload() }} />
        )}
        {!error && (!info || !settings || !page) && <p aria-busy="true">{t.loading}</p>}
        {info && settings && page && (
          <CurrentPage
            page={page}
            info={info}
            settings={settings}
            navigation={navigation}
            connected={connection?.status === 'connected'}
          />
        )}
      </main>
    </div>
  );
}

type AppNavigation = ReturnType<typeof useAppNavigation>;

/** Which page is open, and the ways to move between pages and through the first-run steps. */
function useAppNavigation(settings: Settings | null) {
  const stores = useStores();
  // null until settings arrive: then the flow's saved step, or the dashboard for returning users.
  const [page, setPage] = useState<AppPage | null>(null);
  // Set when another screen sends the admin to the allowlist key (the connection test's fix).
  const [walkthroughFocus, setWalkthroughFocus] = useState<'key' | null>(null);
  // Set when the dashboard sends the admin to the files Failed for one reason.
  const [findingsReason, setFindingsReason] = useState<InspectionReason | null>(null);
  const settingsLoaded = settings !== null;
  const firstRunDoneAtLaunch = settings?.firstRun.done;
  useEffect(() => {
    if (settingsLoaded) setPage((existing) => existing ?? (firstRunDoneAtLaunch ? 'dashboard' : 'setup'));
  }, [settingsLoaded, firstRunDoneAtLaunch]);

  const firstRunDone = settings?.firstRun.done ?? false;
  const go = (next: AppPage) => {
    setWalkthroughFocus(null);
    setFindingsReason(null);
    setPage(next);
  };
  const openFindingsForReason = (reason: InspectionReason) => {
    go('findings');
    setFindingsReason(reason);
  };
  const openAllowlistKey = () => {
    go('allowlist');
    setWalkthroughFocus('key');
  };
  const openStep = (step: FirstRunStep) => {
    if (!settings) return;
    if (firstRunDone) {
      // After the first run, the set-up steps are ordinary pages.
      setPage(
        step === 'allowlist'
          ? 'allowlist'
          : step === 'connect'
            ? 'connect'
            : step === 'test'
              ? 'test'
              : step === 'scan'
                ? 'scanStart'
                : 'dashboard',
      );
      return;
    }
    setPage('setup');
    void stores.settings.update({ firstRun: { ...settings.firstRun, step } }).catch(() => undefined);
  };
  const finishFirstRun = () => {
    void stores.settings.update({ firstRun: { done: true, step: 'scan' } }).catch(() => undefined);
    go('dashboard');
  };
  return {
    page,
    walkthroughFocus,
    findingsReason,
    firstRunDone,
    go,
    openAllowlistKey,
    openFindingsForReason,
    openStep,
    finishFirstRun,
  };
}

interface CurrentPageProps {
  page: AppPage;
  info: AppInfo;
  settings: SettingsView;
  navigation: AppNavigation;
  connected: boolean;
}

/** The open page's screen, wired to the navigation. */
function CurrentPage({ page, info, settings, navigation, connected }: CurrentPageProps) {
  const stores = useStores();
  const { walkthroughFocus, findingsReason, go, openAllowlistKey, openFindingsForReason, openStep, finishFirstRun } =
    navigation;
  switch (page) {
    case 'setup':
      return <FirstRunFlow step={settings.firstRun.step} onStep={openStep} onScanStarted={finishFirstRun} />;
    case 'dashboard':
      return (
        <DashboardScreen
          onNavigate={go}
          onStartScan={() => openStep('scan')}
          onOpenFindingsForReason={openFindingsForReason}
        />
      );
    case 'scanStart':
      return (
        <ScanStartStep connected={connected} onOpenConnect={() => go('connect')} onStarted={() => go('dashboard')} />
      );
    case 'findings':
      // A new reason is a new screen: its filters start from that reason.
      return (
        <FindingsScreen
          key={findingsReason ?? ''}
          initialFilters={findingsReason ? { reason: findingsReason } : undefined}
        />
      );
    case 'policies':
      return <PoliciesScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'allowlist':
      return <WalkthroughScreen focus={walkthroughFocus} />;
    case 'connect':
      return <ConnectScreen onOpenAllowlist={openAllowlistKey} />;
    case 'test':
      return <ConnTestScreen onOpenAllowlist={openAllowlistKey} onReconnect={() => go('connect')} />;
    case 'helpdesk':
      return <HelpDeskScreen />;
    case 'about':
      return (
        <AboutPanel
          info={info}
          settings={settings}
          onThemeChange={(theme) => void stores.settings.update({ theme }).catch(() => undefined)}
        />
      );
  }
}
