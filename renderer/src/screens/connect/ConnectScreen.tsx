import { useEffect } from 'react';
import { useBridge, useConnection, useConnectionAction } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { ConnectionDetails } from './ConnectionDetails';
import { SignIn } from './SignIn';
import { WaitingForBrowser } from './WaitingForBrowser';

interface Props {
  /** Takes the admin to the allowlist walkthrough (the usual cure for "not authorized"). */
  onOpenAllowlist(): void;
}

/** Sign in with Box: choose Box or the sandbox, sign in in the browser, see the result. */
export function ConnectScreen({ onOpenAllowlist }: Props) {
  const bridge = useBridge();
  const { value } = useConnection();
  const { busy, problem, run } = useConnectionAction();
  const { connection } = useStores();
  // The app and sandbox have no event of their own: read them again whenever Connect opens.
  useEffect(() => {
    void connection.refresh().catch(() => undefined); // a failure is kept in the store's snapshot
  }, [connection]);
  const { state, sandbox, app } = value ?? { state: null, sandbox: null, app: null };
  const s = t.connect;
  if (!state) return <p aria-busy="true">{t.loading}</p>;

  return (
    <section aria-labelledby="connect-heading" className="connect">
      <h2 id="connect-heading">{s.heading}</h2>
      <p data-testid="connection-status" role="status">
        {s.status[state.status]}
      </p>
      {problem && <ErrorNotice error={problem} actions={{}} />}

      {state.status === 'waiting_for_browser' && (
        <WaitingForBrowser
          state={state}
          onOpenAllowlist={onOpenAllowlist}
          onCancel={() => void run(() => bridge.cancelSignIn({}))}
        />
      )}

      {state.status === 'connected' && (
        <div className="panel">
          <ConnectionDetails state={state} />
          <button type="button" disabled={busy} onClick={() => void run(() => bridge.disconnect({}))}>
            {s.disconnect}
          </button>
        </div>
      )}

      {state.status === 'reconnect_required' && (
        <div className="panel">
          <p role="alert">{state.reason}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => bridge.connect({}))}>
            {s.reconnect}
          </button>
        </div>
      )}

      {state.status === 'error' && (
        <div className="panel">
          <p role="alert" className="error" data-testid="connection-error">
            {state.message}
          </p>
          {state.action === 'open_allowlist' && (
            <button type="button" onClick={onOpenAllowlist}>
              {s.openAllowlist}
            </button>
          )}
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => bridge.connect({}))}>
            {s.tryAgain}
          </button>
        </div>
      )}

      {(state.status === 'not_connected' || state.status === 'error') && (
        <SignIn app={app} sandbox={sandbox} busy={busy} run={run} />
      )}
    </section>
  );
}
