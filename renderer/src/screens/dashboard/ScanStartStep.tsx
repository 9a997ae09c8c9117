import { useState } from 'react';
import type { CallArgs } from '../../../../common/bridge/contract';
import { useBridge, useLocked, useSettings } from '../../state/hooks';
import { t } from '../../strings';
import { describeError, errorLine, type DescribedError } from '../../errors/describe-error';
import { ErrorNotice } from '../layout/ErrorNotice';
import { LockedSetting } from '../layout/LockedSetting';
import { ScreenHeading } from '../layout/ScreenHeading';

type History = 'days7' | 'days60' | 'since' | 'none';

interface Props {
  connected: boolean;
  onOpenConnect(): void;
  onStarted(): void;
}

/** What Start asks the core for: how much history to pull before the scan. */
function scanRequest(history: History, since: string): CallArgs<'startScan'> {
  return history === 'days7'
    ? { days: 7 }
    : history === 'days60'
      ? { days: 60 }
      : history === 'since'
        ? { since }
        : { noBackfill: true };
}

/**
 * The history choice, and Start with its busy flag and the reason it last failed. When the
 * organisation set the days, Start asks for exactly those (the core refuses anything else).
 */
function useScanStart(onStarted: () => void) {
  const bridge = useBridge();
  const lockedDays = useLockedBackfillDays();
  const [history, setHistory] = useState<History>('days7');
  const [since, setSince] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ error: unknown; described: DescribedError } | null>(null);

  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await bridge.startScan(lockedDays !== null ? { days: lockedDays } : scanRequest(history, since));
      onStarted();
    } catch (error) {
      setProblem({ error, described: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  return { history, setHistory, since, setSince, busy, problem, start, lockedDays };
}

/** The organisation's backfill days, or null when the admin chooses. */
function useLockedBackfillDays(): number | null {
  const locked = useLocked('scan.backfillDays');
  const days = useSettings().value?.scan.backfillDays ?? null;
  return locked ? days : null;
}

/** The last step of the first run: how much history to pull, then Start. */
export function ScanStartStep({ connected, onOpenConnect, onStarted }: Props) {
  const bridge = useBridge();
  const { history, setHistory, since, setSince, busy, problem, start, lockedDays } = useScanStart(onStarted);
  const s = t.scanStart;

  return (
    <section aria-labelledby="scan-start-heading" className="scan-start">
      <ScreenHeading id="scan-start-heading">{s.heading}</ScreenHeading>
      <p className="intro">{s.intro}</p>
      {/* One notice: a failed Start already says why and offers the step (a lost sign-in: Reconnect). */}
      {!connected && !problem && <ErrorNotice what={s.notConnected} actions={{ reconnect: onOpenConnect }} />}
      {problem && (
        <ErrorNotice
          what={s.failed}
          error={problem.described}
          actions={{ reconnect: onOpenConnect, retry: () => void start() }}
          diagnostics={() =>
            bridge
              .getDiagnostics({})
              .then((d) => `${d.text}\n\nstartScan: ${problem.described.code}: ${errorLine(problem.error)}`)
          }
        />
      )}
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        {lockedDays !== null ? (
          <LockedSetting label={s.historyLegend} testId="locked-backfill">
            {t.managed.history(lockedDays)}
          </LockedSetting>
        ) : (
          <HistoryChoices history={history} onHistory={setHistory} since={since} onSince={setSince} />
        )}
        <p>
          <button type="submit" className="primary" disabled={busy || !connected}>
            {s.start}
          </button>
        </p>
      </form>
    </section>
  );
}

interface HistoryChoicesProps {
  history: History;
  onHistory(history: History): void;
  since: string;
  onSince(since: string): void;
}

/** How much history to pull: one radio per choice, and a date when the choice is "since". */
function HistoryChoices({ history, onHistory, since, onSince }: HistoryChoicesProps) {
  const s = t.scanStart;
  return (
    <fieldset className="choices">
      <legend>{s.historyLegend}</legend>
      {(Object.keys(s.history) as History[]).map((option) => (
        <label key={option} className="choice">
          <input
            type="radio"
            name="history"
            value={option}
            checked={history === option}
            onChange={() => onHistory(option)}
          />
          <span>{s.history[option]}</span>
        </label>
      ))}
      {history === 'since' && (
        <div className="form-row">
          <label htmlFor="history-since">{s.sinceLabel}</label>
          <input
            id="history-since"
            type="date"
            required
            value={since}
            onChange={(event) => onSince(event.target.value)}
          />
        </div>
      )}
    </fieldset>
  );
}
