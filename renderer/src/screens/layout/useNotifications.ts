import { useEffect, useRef } from 'react';
import { signInExpiryReminder, type ConnectionState } from '../../../../common/connection';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { notifySystem } from './systemNotification';
import { useToasts, type Toast } from './Toasts';

interface Actions {
  onReconnect(): void;
  onOpenFindings(): void;
}

/**
 * Notices for what needs the admin, on any screen: the sign-in running out or lost, a scan
 * finished, the organisation's settings file unusable. Each is shown in the app, and as an OS notification when the window is in the background.
 */
export function useNotifications(actions: Actions): void {
  const { connection, scan, settings } = useStores();
  const { notify: notifyInApp } = useToasts();
  const latest = useRef(actions);
  latest.current = actions;
  const told = useRef(new Set<string>());

  useEffect(() => {
    const notify = (toast: Omit<Toast, 'id'>) => {
      notifyInApp(toast);
      notifySystem(toast.text, toast.action?.run);
    };
    const once = (key: string, show: () => void) => {
      if (told.current.has(key)) return;
      told.current.add(key);
      show();
    };
    // A scan is complete when it reaches "live" (everything scanned, watching activity).
    let phase: string | null = null;
    const offScan = scan.subscribe(() => {
      const progress = scan.getSnapshot().value?.progress;
      if (!progress) return;
      if (progress.phase === 'live' && phase !== null && phase !== 'live') {
        notify({
          tone: 'info',
          text: t.toasts.scanComplete(progress.files.scanned),
          action: { label: t.toasts.openFindings, run: () => latest.current.onOpenFindings() },
        });
      }
      phase = progress.phase;
    });
    // Each state is told once (keyed by reason or expiry), however often the store updates.
    const onConnection = (state: ConnectionState) => {
      const reconnect = { label: t.toasts.reconnect, run: () => latest.current.onReconnect() };
      if (state.status === 'reconnect_required')
        once(`reconnect:${state.reason}`, () =>
          notify({ tone: 'warn', text: t.toasts.reconnectRequired, action: reconnect }),
        );
      if (state.status === 'connected') {
        const reminder = signInExpiryReminder(state.refreshTokenExpiresAt, new Date());
        if (reminder)
          once(`expiry:${state.refreshTokenExpiresAt}`, () =>
            notify({ tone: 'warn', text: reminder, action: reconnect }),
          );
      }
    };
    const offConnection = connection.subscribe(() => {
      const state = connection.getSnapshot().value?.state;
      if (state) onConnection(state);
    });
    // The store may have answered already: a sign-in that runs out soon is worth saying at launch.
    const now = connection.getSnapshot().value?.state;
    if (now) onConnection(now);
    // A managed settings file that could not be used: said once, in the app only (it is about
    // this computer's set-up, not something that happened while the admin was away).
    const onSettings = () => {
      const problem = settings.getSnapshot().value?.managed.problem;
      if (problem)
        once('managed-problem', () => notifyInApp({ tone: 'warn', text: t.managed.problem(problem.message) }));
    };
    const offSettings = settings.subscribe(onSettings);
    onSettings();
    return () => {
      offScan();
      offConnection();
      offSettings();
    };
  }, [connection, scan, settings, notifyInApp]);
}
