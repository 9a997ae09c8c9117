import { t } from '../../strings';

/** The support code, large and spaced so it reads out cleanly on the phone. */
export function SupportCode({ code, fromBundle = false }: { code: string; fromBundle?: boolean }) {
  const s = t.helpdesk.code;
  return (
    <div className="support-code panel" data-testid="support-code-panel">
      <p>
        <span className="support-code-label">{s.label}</span>{' '}
        <code className="support-code-value" data-testid="support-code">
          {code}
        </code>
      </p>
      <p className="detail">{fromBundle ? s.bundleHint : s.hint}</p>
    </div>
  );
}
