import { useState } from 'react';
import {
  decodeSupportCode,
  formatSupportCode,
  summariseSupportState,
  type SupportSummary,
} from '../../../../common/support';
import { t } from '../../strings';

type Reading = { code: string; summary: SupportSummary } | { problem: string } | null;

/** "Enter a support code": decoded here, offline, into the same summary the CLI prints. */
export function SupportCodeEntry() {
  const s = t.helpdesk.code;
  const [typed, setTyped] = useState('');
  const [reading, setReading] = useState<Reading>(null);
  const read = () => {
    const decoded = decodeSupportCode(typed);
    setReading(
      decoded.ok
        ? { code: formatSupportCode(decoded.code), summary: summariseSupportState(decoded.state) }
        : { problem: decoded.problem },
    );
  };
  return (
    <section aria-labelledby="support-code-heading" className="panel helpdesk-section">
      <h3 id="support-code-heading">{s.heading}</h3>
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          read();
        }}
      >
        <label htmlFor="support-code-input">{s.inputLabel}</label>
        <p className="detail" id="support-code-hint">
          {s.inputHint}
        </p>
        <div className="button-row">
          <input
            id="support-code-input"
            className="support-code-input"
            aria-describedby="support-code-hint"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="primary">
            {s.read}
          </button>
        </div>
      </form>
      {reading && 'problem' in reading && (
        <p role="alert" className="error" data-testid="support-code-problem">
          {reading.problem}
        </p>
      )}
      {reading && 'summary' in reading && <SupportSummaryView code={reading.code} summary={reading.summary} />}
    </section>
  );
}

function SupportSummaryView({ code, summary }: { code: string; summary: SupportSummary }) {
  const s = t.helpdesk.code;
  return (
    <div role="status" className="support-summary" data-testid="support-summary" data-code={code}>
      <dl className="facts">
        <dt>{s.dataCenter}</dt>
        <dd data-testid="support-data-center">{summary.dataCenter}</dd>
        <dt>{s.console}</dt>
        <dd>{summary.consoleGeneration}</dd>
        <dt>{s.connection}</dt>
        <dd data-testid="support-connection">{summary.connection}</dd>
      </dl>
      <h4>{s.checksHeading}</h4>
      <p data-testid="support-verdict">{summary.verdict}</p>
      {summary.checks.length > 0 && (
        <ol className="support-checks">
          {summary.checks.map((check, index) => (
            <li
              key={check.id}
              className={`status-${check.result}`}
              data-testid={`support-check-${check.id}`}
              data-result={check.result}
            >
              <span>
                {index}. {check.title}
              </span>{' '}
              <strong>{check.label}</strong>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
