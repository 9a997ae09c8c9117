import { useBridge } from '../../state/hooks';
import type { ConnectionView } from '../../state/connection-store';
import { t } from '../../strings';
import { ChooseTarget } from './ChooseTarget';

interface Props {
  app: ConnectionView['app'];
  sandbox: ConnectionView['sandbox'];
  busy: boolean;
  run(action: () => Promise<unknown>): Promise<void>;
}

/** Not connected, or the last try failed: sign in with the app already set up, or set one up. */
export function SignIn({ app, sandbox, busy, run }: Props) {
  const bridge = useBridge();
  const s = t.connect;
  return (
    <>
      {app && (
        <div className="panel">
          <p>
            {sandbox && app.target === 'sandbox'
              ? s.sandboxReady(sandbox.seed, sandbox.users, sandbox.files)
              : s.appReady(app.clientId)}
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => bridge.connect({}))}>
            {s.signIn}
          </button>
        </div>
      )}
      <ChooseTarget busy={busy} run={run} />
    </>
  );
}
