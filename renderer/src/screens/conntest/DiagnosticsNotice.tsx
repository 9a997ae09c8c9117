import { t } from '../../strings';

/** What became of "copy" or "save diagnostics": done, failed, or the text to copy by hand. */
export type Notice = { kind: 'ok'; text: string } | { kind: 'manual'; text: string } | { kind: 'error'; text: string };

export function DiagnosticsNotice({ notice }: { notice: Notice | null }) {
  const s = t.conntest;
  return (
    <>
      {notice?.kind === 'ok' && (
        <p role="status" className="ok">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'error' && (
        <p role="alert" className="error">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'manual' && (
        <div className="form-row">
          <label htmlFor="diagnostics-text">{s.copyManually}</label>
          <textarea id="diagnostics-text" className="diagnostics-text" readOnly rows={8} value={notice.text} />
        </div>
      )}
    </>
  );
}
