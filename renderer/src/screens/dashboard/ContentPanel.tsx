import { memo } from 'react';
import type { InspectionReason } from '../../../../common/scan/inspection';
import type { ContentProgress } from '../../../../common/scan/types';
import { bytes, t } from '../../strings';
import { formatNumber } from './format';

interface Props {
  content: ContentProgress;
  /** Opens Findings filtered to the files Failed for this reason. */
  onOpenReason(reason: InspectionReason): void;
}

/**
 * The content phase: files and bytes inspected by type, what failed and why (each reason a way
 * into Findings), and the files not downloaded again because their content was read already.
 * Memoised on the content figures: progress arrives ten times a second, these change less.
 */
export const ContentPanel = memo(function ContentPanel({ content, onOpenReason }: Props) {
  const s = t.dashboard.content;
  const started = content.inspected.files > 0 || content.failedByReason.length > 0 || content.byType.length > 0;
  return (
    <section className="panel dash-panel content-phase" aria-labelledby="content-heading" data-testid="content-phase">
      <h3 id="content-heading">{s.heading}</h3>
      {!started ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <>
          <p className="content-summary" data-testid="content-inspected">
            <strong>{s.summary(content.inspected.files, bytes(content.inspected.bytes))}</strong>
            {content.reused > 0 && (
              <span className="detail" data-testid="content-reused">
                {s.reused(content.reused)}
              </span>
            )}
          </p>
          <div className="content-columns">
            <ByType rows={content.byType} />
            <FailedByReason rows={content.failedByReason} onOpenReason={onOpenReason} />
          </div>
        </>
      )}
    </section>
  );
}, sameContent);

function sameContent(before: Props, after: Props): boolean {
  return before.onOpenReason === after.onOpenReason && JSON.stringify(before.content) === JSON.stringify(after.content);
}

function ByType({ rows }: { rows: ContentProgress['byType'] }) {
  const s = t.dashboard.content;
  // A type with nothing read and nothing failed (images, video: no text) is only noise here.
  const sorted = rows
    .filter((row) => row.files > 0 || row.failed > 0)
    .sort((a, b) => b.bytes - a.bytes || b.files - a.files || a.ext.localeCompare(b.ext));
  const most = Math.max(1, ...sorted.map((row) => row.bytes));
  return (
    <div>
      <h4>{s.byType}</h4>
      {/* Focusable and named: a region that scrolls must be reachable by keyboard (WCAG 2.1.1). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={s.byTypeLabel}>
        <table className="by-type" data-testid="content-by-type">
          <thead>
            <tr>
              <th scope="col">{s.type}</th>
              <th scope="col" className="num">
                {s.files}
              </th>
              <th scope="col" className="num">
                {s.bytes}
              </th>
              <th scope="col">
                <span className="visually-hidden">{s.share}</span>
              </th>
              <th scope="col" className="num">
                {s.failed}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.ext} data-testid="content-type-row">
                <th scope="row">{row.ext ? `.${row.ext}` : s.noExt}</th>
                <td className="num">{formatNumber(row.files)}</td>
                <td className="num">{bytes(row.bytes)}</td>
                <td>
                  <span className="mini-bar wide" aria-hidden="true">
                    <span
                      className="mini-bar-fill accent"
                      style={{ width: `${Math.round((row.bytes / most) * 100)}%` }}
                    />
                  </span>
                </td>
                <td className={`num ${row.failed > 0 ? 'failed-count' : ''}`}>{formatNumber(row.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FailedByReason({
  rows,
  onOpenReason,
}: {
  rows: ContentProgress['failedByReason'];
  onOpenReason: Props['onOpenReason'];
}) {
  const s = t.dashboard.content;
  const sorted = [...rows].sort((a, b) => b.files - a.files);
  return (
    <div>
      <h4>{s.failedByReason}</h4>
      {sorted.length === 0 ? (
        <p className="empty">{s.noFailures}</p>
      ) : (
        <>
          <p className="detail">{s.failedIntro}</p>
          <ul className="failed-reasons" data-testid="content-failed">
            {sorted.map((row) => {
              const label = t.findings.reasonText(row.reason) ?? row.reason;
              return (
                <li key={row.reason}>
                  <button
                    type="button"
                    className="link"
                    aria-label={s.openReason(label, row.files)}
                    onClick={() => onOpenReason(row.reason)}
                  >
                    {label}
                  </button>
                  <span className="num">{formatNumber(row.files)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
