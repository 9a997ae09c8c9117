import type { ScanProgress } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatDuration, formatNumber } from './format';

/** Users, folders and files found / scanned / failed / not scanned, then progress and ETA. */
export function Counters({ progress }: { progress: ScanProgress }) {
  const s = t.dashboard.counters;
  const { files } = progress;
  const items: Array<[string, string, number, string?]> = [
    ['users', s.users, progress.users.discovered],
    ['folders', s.folders, progress.folders.discovered],
    ['discovered', s.discovered, files.discovered],
    ['scanned', s.scanned, files.scanned, 'ok'],
    ['failed', s.failed, files.failed, files.failed > 0 ? 'warn' : undefined],
    ['not-scanned', s.notScanned, files.notScanned, files.notScanned > 0 ? 'warn' : undefined],
    ['queued', s.queued, files.queued],
  ];
  // Done = scanned + failed + not scanned, of everything found so far.
  const finished = files.scanned + files.failed + files.notScanned;
  const total = Math.max(files.discovered, finished);
  const eta = formatDuration(progress.etaSeconds);
  return (
    <section aria-label={s.label} className="counters-section">
      <dl className="counters">
        {items.map(([key, label, value, tone]) => (
          <div key={key} className={`counter ${tone ?? ''}`}>
            <dt>{label}</dt>
            <dd data-testid={`count-${key}`}>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="progress-row">
        <progress
          max={Math.max(total, 1)}
          value={finished}
          aria-label={t.dashboard.progressLabel}
          data-testid="scan-progress-bar"
        />
        <span className="progress-text">
          {t.dashboard.progressText(files.scanned, total)}
          {files.inspectionPending > 0 && (
            <span data-testid="inspection-pending"> · {t.dashboard.inspectionPending(files.inspectionPending)}</span>
          )}
        </span>
        <span className="progress-eta" data-testid="scan-eta">
          {progress.running && progress.phase !== 'live' ? (eta ? t.dashboard.eta(eta) : t.dashboard.etaUnknown) : ''}
        </span>
      </div>
    </section>
  );
}
