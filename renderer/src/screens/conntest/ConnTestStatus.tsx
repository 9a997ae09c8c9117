import { CHECK_IDS, type ConnTestResult } from '../../../../common/conntest';
import { t } from '../../strings';

interface Props {
  running: boolean;
  /** How many checks have finished: of the run under way, or of the last result. */
  done: number;
  last: ConnTestResult | null;
  loaded: boolean;
}

/** The test's one live line: progress while it runs, then the verdict, when and as whom. */
export function ConnTestStatus({ running, done, last, loaded }: Props) {
  const s = t.conntest;
  return (
    <div
      role="status"
      aria-live="polite"
      className={`conntest-summary ${!running && last ? `verdict-${last.summary.verdict}` : ''}`}
      data-testid="conntest-status"
    >
      {running ? (
        <p>{s.running(done, CHECK_IDS.length)}</p>
      ) : last ? (
        <>
          <p className="verdict" data-testid="conntest-verdict">
            <strong>{s.verdict[last.summary.verdict]}</strong>{' '}
            {s.counts(last.summary.pass, last.summary.warning, last.summary.fail)}
          </p>
          <p className="detail" data-testid="conntest-last">
            {s.lastTested(new Date(last.finishedAt).toLocaleString(), (last.durationMs / 1000).toFixed(1))}
            {last.account &&
              ` ${s.testedAs(last.account.login, last.account.role ?? '?', last.account.enterprise ?? s.noEnterprise)}`}
          </p>
        </>
      ) : (
        loaded && <p>{s.never}</p>
      )}
    </div>
  );
}
