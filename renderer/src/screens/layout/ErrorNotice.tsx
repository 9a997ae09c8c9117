import { useState } from 'react';
import { t } from '../../strings';

export type NextAction = 'reconnect' | 'allowlist' | 'test' | 'retry' | 'diagnostics';

interface Props {
  /** What happened, in plain words. */
  what: string;
  /** The raw detail (an error message from the core), shown smaller. */
  detail?: string | null;
  actions: Partial<Record<Exclude<NextAction, 'diagnostics'>, () => void>>;
  /** Text copied by "Copy diagnostics": what a help desk needs, never a secret. */
  diagnostics?: () => string | Promise<string>;
}

/** An error that says what happened and offers the next step. */
export function ErrorNotice({ what, detail, actions, diagnostics }: Props) {
  const [copied, setCopied] = useState<string | null>(null);
  const s = t.errors;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await diagnostics!());
      setCopied(s.copied);
    } catch {
      setCopied(s.copyFailed);
    }
  };
  return (
    <div className="error-notice" role="alert">
      <p className="error-what">{what}</p>
      {detail && <p className="detail">{detail}</p>}
      <div className="button-row">
        {actions.reconnect && (
          <button type="button" className="primary" onClick={actions.reconnect}>
            {s.reconnect}
          </button>
        )}
        {actions.allowlist && (
          <button type="button" onClick={actions.allowlist}>
            {s.openAllowlist}
          </button>
        )}
        {actions.test && (
          <button type="button" onClick={actions.test}>
            {s.testAgain}
          </button>
        )}
        {actions.retry && (
          <button type="button" onClick={actions.retry}>
            {s.retry}
          </button>
        )}
        {diagnostics && (
          <button type="button" onClick={() => void copy()}>
            {s.copyDiagnostics}
          </button>
        )}
      </div>
      {copied && <p className="detail">{copied}</p>}
    </div>
  );
}
