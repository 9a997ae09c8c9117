import { useCallback, useRef, useState } from 'react';
import type { InspectionReason } from '../../../../common/scan/inspection';
import type { ConnectionState } from '../../../../common/connection';
import type { ScanProgress } from '../../../../common/scan/types';
import { useBridge, useConnection, useScanProgress } from '../../state/hooks';
import type { ScanView } from '../../state/scan-progress-store';
import { describeError, errorLine } from '../../errors/describe-error';
import { t } from '../../strings';
import type { AppPage } from '../layout/AppHeader';
import { ErrorNotice } from '../layout/ErrorNotice';
import { ContentPanel } from './ContentPanel';
import { Counters } from './Counters';
import { CoverageTable, NotScannedPanel, useCoverage } from './CoveragePanels';
import { formatRate } from './format';
import { PhaseTimeline } from './PhaseTimeline';
import { JumpFeed, UpNext } from './QueuePanels';
import { RateChart } from './RateChart';
import { ScanControls, type ControlProblem } from './ScanControls';
import { ScreenHeading } from '../layout/ScreenHeading';
import { PolicyCountsPanel } from '../policies/PolicyCountsPanel';

// Stable empties (memoised panels compare by identity) until the first snapshot.
const NOTHING_YET: Pick<ScanView, 'samples' | 'phaseTimes'> = { samples: [], phaseTimes: {} };

interface Props {
  onNavigate(page: AppPage): void;
  onStartScan(): void;
  /** Findings, filtered to the files Failed (or partially scanned) for this reason. */
  onOpenFindingsForReason(reason: InspectionReason): void;
}

/**
 * What a diagnostics copy holds: the core's diagnostics bundle (connection, app, last test; it
 * never holds a token or secret) plus the scan's state and counters.
 */
async function diagnostics(
  readBundle: () => Promise<{ text: string }>,
  progress: ScanProgress | null,
): Promise<string> {
  const bundle = await readBundle().then(
    (d) => d.text,
    (error: unknown) => `diagnostics unavailable: ${errorLine(error)}`,
  );
  const scan = progress && { ...progress, head: undefined, jumps: undefined };
  return `${bundle}\n\n${JSON.stringify({ scan }, null, 2)}`;
}

/** The live scan: phases, counters, speed, the queue, coverage and controls. */
export function DashboardScreen({ onNavigate, onStartScan, onOpenFindingsForReason }: Props) {
  const bridge = useBridge();
  const { value: scan, error } = useScanProgress();
  const progress = scan?.progress ?? null;
  const { samples, phaseTimes } = scan ?? NOTHING_YET;
  const connection = useConnection().value?.state ?? null;
  const [problem, setProblem] = useState<ControlProblem | null>(null);
  const coverageVersion = progress ? `${progress.phase}:${progress.running}` : 'none';
  const { users, notScanned } = useCoverage(progress?.running ?? false, coverageVersion);
  const s = t.dashboard;
  const copyDiagnostics = () => diagnostics(() => bridge.getDiagnostics({}), progress);
  // Stable, so the memoised content panel re-renders only when its figures change.
  const latestOpen = useLatest(onOpenFindingsForReason);
  const openReason = useCallback((reason: InspectionReason) => latestOpen.current(reason), [latestOpen]);

  if (error && !progress)
    return (
      <ErrorNotice
        what={s.loadFailed}
        error={error}
        actions={{ retry: () => window.location.reload() }}
        diagnostics={copyDiagnostics}
      />
    );
  if (!progress) return <p aria-busy="true">{t.loading}</p>;

  return (
    <section aria-labelledby="dashboard-heading" className="dashboard">
      <DashboardTop progress={progress} onStartScan={onStartScan} onProblem={setProblem} />

      <ScanNotices
        progress={progress}
        connection={connection}
        problem={problem}
        onProblem={setProblem}
        onNavigate={onNavigate}
        copyDiagnostics={copyDiagnostics}
      />

      {progress.phase === 'idle' ? (
        <p className="panel">{s.noScan}</p>
      ) : (
        <>
          <PhaseTimeline progress={progress} times={phaseTimes} />
          <Counters progress={progress} />
          <RatesPanel progress={progress} samples={samples} />
          <div className="dash-grid">
            <ContentPanel content={progress.content} onOpenReason={openReason} />
            <PolicyCountsPanel onOpen={() => onNavigate('policies')} />
            <JumpFeed jumps={progress.jumps} />
            <UpNext head={progress.head} />
            <CoverageTable users={users} />
            <NotScannedPanel page={notScanned} />
          </div>
        </>
      )}
    </section>
  );
}

/** A ref that always holds the latest value (a callback prop that changes every render). */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

interface DashboardTopProps {
  progress: ScanProgress;
  onStartScan(): void;
  onProblem(problem: ControlProblem | null): void;
}

/** The heading with the scan's state in words, and Start scan (no scan yet) or the scan's controls. */
function DashboardTop({ progress, onStartScan, onProblem }: DashboardTopProps) {
  const s = t.dashboard;
  return (
    <div className="dash-top">
      <div>
        <ScreenHeading id="dashboard-heading">{s.heading}</ScreenHeading>
        <p className="scan-state" role="status" data-testid="scan-state">
          <strong>{s.state[progress.phase]}</strong>
          {progress.message && progress.phase !== 'error' && progress.phase !== 'reconnect'
            ? ` · ${progress.message}`
            : ''}
        </p>
      </div>
      {progress.phase === 'idle' ? (
        <button type="button" className="primary" onClick={onStartScan}>
          {s.startScan}
        </button>
      ) : (
        <ScanControls progress={progress} onProblem={onProblem} />
      )}
    </div>
  );
}

interface ScanNoticesProps {
  progress: ScanProgress;
  connection: ConnectionState | null;
  problem: ControlProblem | null;
  onProblem(problem: ControlProblem | null): void;
  onNavigate(page: AppPage): void;
  copyDiagnostics(): Promise<string>;
}

/** Why the scan is waiting or stopped, and what a control last failed at, each with its way out. */
function ScanNotices({ progress, connection, problem, onProblem, onNavigate, copyDiagnostics }: ScanNoticesProps) {
  const bridge = useBridge();
  const s = t.dashboard;
  const actions = {
    reconnect: () => onNavigate('connect'),
    open_allowlist: () => onNavigate('allowlist'),
    test: () => onNavigate('test'),
  };
  const restart = () =>
    void bridge.startScan({}).catch((e: unknown) => onProblem({ what: s.restartFailed, error: describeError(e) }));
  return (
    <>
      {/* The scan waits for a sign-in (nothing failed): one notice, whichever noticed first. */}
      {(connection?.status === 'reconnect_required' || progress.phase === 'reconnect') && (
        <ErrorNotice
          what={t.errors.scanNeedsReconnect}
          detail={connection?.status === 'reconnect_required' ? connection.reason : s.state.reconnect}
          actions={{ reconnect: actions.reconnect }}
          diagnostics={copyDiagnostics}
        />
      )}
      {connection?.status === 'not_connected' && progress.phase !== 'idle' && (
        <ErrorNotice
          what={t.errors.scanNeedsConnection}
          actions={{ reconnect: actions.reconnect }}
          diagnostics={copyDiagnostics}
        />
      )}
      {progress.phase === 'error' && (
        <ErrorNotice
          what={t.errors.scanStopped}
          detail={progress.message}
          actions={{ ...actions, retry: restart }}
          diagnostics={copyDiagnostics}
        />
      )}
      {problem && (
        <ErrorNotice
          what={problem.what}
          error={problem.error}
          actions={{ test: actions.test }}
          can={actions}
          diagnostics={copyDiagnostics}
        />
      )}
    </>
  );
}

/** Requests and files per second now, the chart of both over time, and how often Box slowed us. */
function RatesPanel({ progress, samples }: { progress: ScanProgress; samples: ScanView['samples'] }) {
  const s = t.dashboard;
  return (
    <section className="panel dash-panel rates" aria-labelledby="rates-heading">
      <h3 id="rates-heading">
        {s.rates}
        <span className="rate-now" data-testid="rate-now">
          {s.rateNow(formatRate(progress.requests.perSecond), formatRate(progress.filesPerSecond))}
        </span>
      </h3>
      <RateChart samples={samples} />
      {progress.requests.rateLimited > 0 && <p className="detail">{s.rateLimited(progress.requests.rateLimited)}</p>}
    </section>
  );
}
