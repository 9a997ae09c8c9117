import type { ConnectionState } from '../../../../common/connection';
import { t } from '../../strings';

type Waiting = Extract<ConnectionState, { status: 'waiting_for_browser' }>;

interface Props {
  state: Waiting;
  onOpenAllowlist(): void;
  onCancel(): void;
}

/** The browser is at Box's sign-in page: the link again, until when, and the usual snag. */
export function WaitingForBrowser({ state, onOpenAllowlist, onCancel }: Props) {
  const s = t.connect;
  return (
    <div className="panel">
      <p>{s.waitingIntro}</p>
      <p>
        <a href={state.authorizeUrl} target="_blank" rel="noreferrer" data-testid="authorize-link">
          {s.openAgain}
        </a>
      </p>
      <p className="detail">{s.waitingUntil(new Date(state.timeoutAt).toLocaleTimeString())}</p>
      <div className="callout" role="note">
        <strong>{s.disabledHeading}</strong> {s.disabledExplained}{' '}
        <button type="button" className="link" onClick={onOpenAllowlist}>
          {s.openAllowlist}
        </button>
      </div>
      <button type="button" onClick={onCancel}>
        {s.cancel}
      </button>
    </div>
  );
}
