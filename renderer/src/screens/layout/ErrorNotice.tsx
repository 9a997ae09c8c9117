import { useState } from 'react';
import type { DescribedError } from '../../errors/describe-error';
import { t } from '../../strings';

/** The steps a screen can offer as buttons; a failure's own next step comes first. */
export type NoticeAction = 'reconnect' | 'open_allowlist' | 'test' | 'retry';
const BUTTON_ORDER: readonly NoticeAction[] = ['reconnect', 'open_allowlist', 'test', 'retry'];

interface Props {
  /** What happened in the screen's words, or what was being done when `error` struck. */
  what?: string;
  /** The failure as describeError gives it: its sentence, the core's detail, its next step. */
  error?: DescribedError | null;
  /** The detail of a notice that is not an error (the scan's own message). */
  detail?: string | null;
  /** Buttons always shown. */
  actions: Partial<Record<NoticeAction, () => void>>;
  /** Steps the screen can take, shown only when they are the error's next step. */
  can?: Partial<Record<NoticeAction, () => void>>;
  /** Text copied by "Copy diagnostics": what a help desk needs, never a secret. */
  diagnostics?: () => string | Promise<string>;
}

function buttonLabel(action: NoticeAction): string {
  return action === 'test' ? t.errors.testAgain : t.errors.nextSteps[action];
}

/** An error that says what happened and offers the next step. */
export function ErrorNotice({ what, error, detail, actions, can, diagnostics }: Props) {
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
  const next = error?.next ?? null;
  // A step with a button (reconnect, retry…) is offered where the screen can take it; the others
  // (wait, set up a keychain, stop the other scan) are advice, said in words.
  const nextButton =
    next && (BUTTON_ORDER as readonly string[]).includes(next.step) ? (next.step as NoticeAction) : null;
  const advice = next && !nextButton ? next.label : null;
  const handlers =
    nextButton && can?.[nextButton] && !actions[nextButton] ? { ...actions, [nextButton]: can[nextButton] } : actions;
  const primary: NoticeAction = nextButton && handlers[nextButton] ? nextButton : 'reconnect';
  const shown = BUTTON_ORDER.filter((action) => handlers[action]).sort(
    (a, b) => Number(b === primary) - Number(a === primary),
  );
  const shownDetail = error?.detail ?? detail;
  return (
    <div className="error-notice" role="alert" data-error-code={error?.code}>
      {what && <p className="error-what">{what}</p>}
      {error && <p className={what ? undefined : 'error-what'}>{error.text}</p>}
      {shownDetail && <p className="detail">{shownDetail}</p>}
      {advice && <p data-testid="next-step">{advice}</p>}
      <div className="button-row">
        {shown.map((action) => (
          <button
            key={action}
            type="button"
            className={action === primary ? 'primary' : undefined}
            onClick={handlers[action]}
          >
            {buttonLabel(action)}
          </button>
        ))}
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
