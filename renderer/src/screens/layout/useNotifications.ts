import { useEffect, useRef } from 'react';
import type { BoxCompanionApi } from '../../../../common/bridge/contract';
import { signInExpiryReminder } from '../../../../common/connection';
import { t } from '../../strings';
import { useToasts } from './Toasts';

interface Actions {
  onReconnect(): void;
  onOpenDashboard(): void;
}

/** In-app notices for what needs the admin: the sign-in running out or lost, a scan finished. */
export function useNotifications(api: BoxCompanionApi, actions: Actions): void {
  const { notify } = useToasts();
  const latest = useRef(actions);
  latest.current = actions;
  const told = useRef(new Set<string>());

  useEffect(() => {
    const once = (key: string, show: () => void) => {
      if (told.current.has(key)) return;
      told.current.add(key);
      show();
    };
    return api.on('connectionChanged', (state) => {
      const reconnect = { label: t.toasts.reconnect, run: () => latest.current.onReconnect() };
      if (state.status === 'reconnect_required') once(`reconnect:${state.reason}`, () => notify({ tone: 'warn', text: t.toasts.reconnectRequired, action: reconnect }));
      if (state.status === 'connected') {
        const reminder = signInExpiryReminder(state.refreshTokenExpiresAt, new Date());
        if (reminder) once(`expiry:${state.refreshTokenExpiresAt}`, () => notify({ tone: 'warn', text: reminder, action: reconnect }));
      }
    });
  }, [api, notify]);
}
