import { useEffect, useRef } from 'react';
import type { PolicyAlert } from '../../../../common/policy/types';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { INFO_TOAST_MS, useToasts } from '../layout/Toasts';

/** Alerts arriving within this long are told as one notice per policy (a scan finds many at once). */
const GATHER_MS = 500;

/**
 * A new policy match, told on any screen: an in-app toast (role=status, so screen readers hear
 * it); the OS notification, one per burst, comes from the core (live-matcher). A burst is gathered into one
 * notice per policy, well inside the 2 s the issue allows between the scan and the alert; while
 * a policy's notice is still up, the next burst replaces it with the running count (a scan finds
 * many at once: the first run piled four notices over the screen).
 */
export function usePolicyAlerts(onOpen: () => void): void {
  const { policies } = useStores();
  const { notify } = useToasts();
  const latest = useRef(onOpen);
  latest.current = onOpen;

  useEffect(() => {
    let pending: PolicyAlert[] = [];
    let timer: number | null = null;
    let last: PolicyAlert[] = policies.getSnapshot().value?.latestAlerts ?? [];
    // Per policy: the matches told by the notice still on screen, and until when it stays.
    const onScreen = new Map<string, { told: number; until: number }>();
    const flush = () => {
      timer = null;
      const byPolicy = new Map<string, PolicyAlert[]>();
      for (const alert of pending) byPolicy.set(alert.policyId, [...(byPolicy.get(alert.policyId) ?? []), alert]);
      pending = [];
      const now = Date.now();
      for (const [policyId, alerts] of byPolicy) {
        const first = alerts[0]!;
        const shown = onScreen.get(policyId);
        const stillShown = shown !== undefined && shown.until > now;
        const told = (stillShown ? shown.told : 0) + alerts.length;
        onScreen.set(policyId, { told, until: now + INFO_TOAST_MS });
        const text =
          told === 1
            ? t.policies.alerts.toast(first.policyName, first.fileName)
            : t.policies.alerts.toastMany(first.policyName, told);
        const action = { label: t.policies.alerts.open, run: () => latest.current() };
        notify({ tone: 'info', text, action, key: `policy-alert:${policyId}` });
      }
    };
    const off = policies.subscribe(() => {
      const alerts = policies.getSnapshot().value?.latestAlerts ?? [];
      if (alerts === last) return;
      last = alerts;
      pending.push(...alerts);
      timer ??= window.setTimeout(flush, GATHER_MS);
    });
    return () => {
      off();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [policies, notify]);
}
