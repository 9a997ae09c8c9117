import type { ConnectionState } from '../../../../common/connection';
import { useSettings } from '../../state/hooks';
import { t } from '../../strings';

type Waiting = Extract<ConnectionState, { status: 'waiting_for_browser' }>;

interface Props {
  state: Waiting;
  onOpenAllowlist(): void;
  onCancel(): void;
}

/**
 * The browser is at Box's sign-in page: the link again, until when, and the usual snag (Box's
 * "Disabled by Administrator" page has no way back here), with the allowlist step for the data
 * center chosen in the walkthrough.
 */
export function WaitingForBrowser({ state, onOpenAllowlist, onCancel }: Props) {
  const s = t.connect;
  const dataCenter = useSettings().value?.walkthrough.dataCenter ?? null;
  return (
    <div className="panel">
      <p>{s.waitingIntro}</p>
      <p>
        <a href={state.authorizeUrl} target="_blank" rel="noreferrer" data-testid="authorize-link">
          {s.openAgain}
        </a>
      </p>
      <p className="detail">{s.waitingUntil(new Date(state.timeoutAt).toLocaleTimeString())}</p>
      <div className="callout" role="note" data-testid="blocked-sign-in">
        <strong>{s.disabledHeading}</strong> {s.disabledExplained}{' '}
        <button type="button" className="link" onClick={onOpenAllowlist}>
          {s.openAllowlistFor(dataCenter)}
        </button>
      </div>
      <button type="button" onClick={onCancel}>
        {s.cancel}
      </button>
    </div>
  );
}
