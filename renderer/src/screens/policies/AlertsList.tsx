import { useEffect, useState } from 'react';
import type { PolicyAlert } from '../../../../common/policy/types';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge, usePolicies } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { formatDateTime } from '../dashboard/format';
import { ErrorNotice } from '../layout/ErrorNotice';

const ALERTS_SHOWN = 100;
const s = t.policies.alerts;

/** The newest alerts, read again whenever a new one arrives. */
function useAlerts() {
  const bridge = useBridge();
  const latest = usePolicies().value?.latestAlert ?? null;
  const [asked, setAsked] = useState(0);
  const [entries, setEntries] = useState<PolicyAlert[] | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  useEffect(() => {
    let live = true;
    bridge.listAlerts({ offset: 0, limit: ALERTS_SHOWN }).then(
      (page) => live && setEntries(page.entries),
      (reason: unknown) => live && setError(describeError(reason)),
    );
    return () => {
      live = false;
    };
  }, [bridge, latest, asked]);
  return { entries, error, reload: () => setAsked((n) => n + 1) };
}

/** New matches, newest first; "Mark all as seen" clears the navigation's badge. */
export function AlertsList() {
  const bridge = useBridge();
  const { policies } = useStores();
  const { entries, error, reload } = useAlerts();
  const [problem, setProblem] = useState<DescribedError | null>(null);
  const unseenPolicies = [...new Set((entries ?? []).filter((a) => !a.seen).map((a) => a.policyId))];
  const markAll = async () => {
    setProblem(null);
    try {
      await Promise.all(unseenPolicies.map((id) => bridge.markPolicySeen({ id })));
      await policies.refresh();
    } catch (reason) {
      setProblem(describeError(reason));
    }
    reload();
  };
  return (
    <section aria-labelledby="alerts-heading" className="policy-alerts">
      <h3 id="alerts-heading">{s.heading}</h3>
      <p className="intro">{s.intro}</p>
      {unseenPolicies.length > 0 && (
        <button type="button" onClick={() => void markAll()}>
          {s.markAllSeen}
        </button>
      )}
      {(error ?? problem) && (
        <ErrorNotice what={error ? s.loadFailed : undefined} error={error ?? problem} actions={{ retry: reload }} />
      )}
      {entries && entries.length === 0 && <p className="empty">{s.none}</p>}
      {entries && entries.length > 0 && (
        <ul className="feed alerts-feed" aria-label={s.listLabel}>
          {entries.map((alert) => (
            <li key={alert.alertId} data-testid="alert-row" className={alert.seen ? undefined : 'unseen'}>
              <span className="feed-name">{alert.fileName}</span>
              <span className="feed-event">{alert.policyName}</span>
              <span className="feed-state">{s.at(formatDateTime(alert.at))}</span>
              {!alert.seen && <span className="new-badge">{s.unseen}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
