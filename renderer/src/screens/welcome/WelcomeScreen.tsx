import { useState } from 'react';
import { describeError, type DescribedError } from '../../errors/describe-error';
import { useBridge, useSettings } from '../../state/hooks';
import { useStores } from '../../state/StateProvider';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { ScreenHeading } from '../layout/ScreenHeading';

interface Props {
  /** "Use my Box": the allowlist walkthrough comes next. */
  onOwnBox(): void;
  /** "Try the sandbox enterprise": the in-app sandbox is started, then sign-in. */
  onSandbox(): void;
}

/** The first screen of the first run: what the app does, and the two ways to start. */
export function WelcomeScreen({ onOwnBox, onSandbox }: Props) {
  const bridge = useBridge();
  const { connection } = useStores();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<DescribedError | null>(null);
  // The organisation may not offer the sandbox: then only the admin's own Box is a way to start.
  const offerSandbox = useSettings().value?.offerSandbox ?? true;
  const s = t.welcome;

  const trySandbox = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await bridge.useSandboxEnterprise({ seed: 1, role: 'admin' });
      // The sandbox is now the Box app sign-in uses: Connect shows it at once.
      await connection.refresh();
      onSandbox();
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="welcome-heading" className="welcome">
      <ScreenHeading id="welcome-heading">{s.heading}</ScreenHeading>
      <p className="intro">{s.intro}</p>
      <ol className="welcome-outline">
        {s.outline.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
      {problem && <ErrorNotice what={s.sandboxFailed} error={problem} actions={{ retry: () => void trySandbox() }} />}
      <div className="choose-target">
        <section className="panel choice-card" aria-labelledby="own-box-heading">
          <h3 id="own-box-heading">{s.ownHeading}</h3>
          <p>{s.ownText}</p>
          <button type="button" className="primary" onClick={onOwnBox}>
            {s.useMyBox}
          </button>
        </section>
        {offerSandbox && (
          <section className="panel choice-card" aria-labelledby="try-sandbox-heading">
            <h3 id="try-sandbox-heading">{s.sandboxHeading}</h3>
            <p>{s.sandboxText}</p>
            <button
              type="button"
              className="primary"
              disabled={busy}
              aria-busy={busy}
              onClick={() => void trySandbox()}
            >
              {s.trySandbox}
            </button>
          </section>
        )}
      </div>
    </section>
  );
}
