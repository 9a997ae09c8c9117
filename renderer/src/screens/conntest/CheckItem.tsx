import type { CheckId, CheckResult, Evidence } from '../../../../common/conntest';
import { t } from '../../strings';

interface Props {
  id: CheckId;
  number: number;
  title: string;
  /** Null while the check has not reported yet. */
  check: CheckResult | null;
  /** 1-based position in which this check's progress event arrived, when known. */
  arrival: number | undefined;
  /** A bundle opened by the help desk: the fix is shown, without buttons that act here. */
  readOnly?: boolean;
  onOpenAllowlist(): void;
  onReconnect?: () => void;
  onCopyDiagnostics(): void;
}

const ICON = { pass: '✓', warning: '!', fail: '✕', pending: '…' } as const;

/** One check: its status in words and colour, what was found, the fix with its buttons, and Box's evidence. */
export function CheckItem({
  id,
  number,
  title,
  check,
  arrival,
  readOnly = false,
  onOpenAllowlist,
  onReconnect,
  onCopyDiagnostics,
}: Props) {
  const s = t.conntest;
  const status = check?.status ?? 'pending';
  const headingId = `check-${number}-title`;
  return (
    <li
      className={`check status-${status}`}
      data-testid={`check-${id}`}
      data-status={status}
      data-arrival={arrival ?? ''}
      aria-labelledby={headingId}
    >
      <div className="check-head">
        <span className="check-badge" aria-hidden="true">
          {ICON[status]}
        </span>
        <h3 id={headingId}>
          {number}. {title}
        </h3>
        <span className="check-status" data-testid="check-status">
          {check?.notRun ? `${s.status.fail} (${s.notRun.toLowerCase()})` : s.status[status]}
        </span>
      </div>
      {check && (
        <div className="check-body">
          <p className="check-summary">{check.summary}</p>
          {check.fix && (
            <div className="check-fix" role="note">
              <strong>{s.fix}</strong> {check.fix}
              {!readOnly &&
                (check.actions.includes('open_allowlist') ||
                  (check.actions.includes('reconnect') && onReconnect) ||
                  check.actions.includes('copy_diagnostics')) && (
                  <div className="button-row">
                    {check.actions.includes('open_allowlist') && (
                      <button type="button" className="primary" onClick={onOpenAllowlist}>
                        {s.openAllowlist}
                      </button>
                    )}
                    {check.actions.includes('reconnect') && onReconnect && (
                      <button type="button" onClick={onReconnect}>
                        {s.reconnect}
                      </button>
                    )}
                    {check.actions.includes('copy_diagnostics') && (
                      <button type="button" onClick={onCopyDiagnostics}>
                        {s.copyDiagnostics}
                      </button>
                    )}
                  </div>
                )}
            </div>
          )}
          {check.evidence.length > 0 && (
            <EvidenceTable evidence={check.evidence} open={check.status !== 'pass' && !check.notRun} />
          )}
        </div>
      )}
    </li>
  );
}

function answer(e: Evidence): string {
  // A local fact (the keychain's expiry date) has no HTTP answer: its message is the evidence.
  if (e.status === null && e.code === null) return e.message ?? '—';
  const head = e.status !== null ? `HTTP ${e.status}` : (e.code ?? t.conntest.noAnswer);
  const code = e.status !== null && e.code ? ` ${e.code}` : '';
  return `${head}${code}${e.message && e.code ? `: ${e.message}` : ''}`;
}

function EvidenceTable({ evidence, open }: { evidence: Evidence[]; open: boolean }) {
  const s = t.conntest;
  return (
    <details className="evidence" open={open}>
      <summary>{s.evidence(evidence.length)}</summary>
      <div className="evidence-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{s.evidenceHead.request}</th>
              <th scope="col">{s.evidenceHead.answer}</th>
              <th scope="col">{s.evidenceHead.requestId}</th>
              <th scope="col">{s.evidenceHead.time}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((e, index) => (
              <tr key={index}>
                <td>
                  <code>{e.request}</code>
                </td>
                <td>{answer(e)}</td>
                <td>{e.requestId ? <code>{e.requestId}</code> : '—'}</td>
                <td>{e.ms !== null ? `${e.ms} ms` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
