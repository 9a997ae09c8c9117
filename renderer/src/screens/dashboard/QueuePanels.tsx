import { memo } from 'react';
import type { QueueHeadEntry, QueueJump } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatTime } from './format';

/** Files moved to the front by an event: who did what, when, and when the file was scanned. */
export const JumpFeed = memo(
  function JumpFeed({ jumps }: { jumps: QueueJump[] }) {
    const s = t.dashboard.jumps;
    return (
      <section className="panel dash-panel" aria-labelledby="jumps-heading">
        <h3 id="jumps-heading">{s.heading}</h3>
        <p className="detail">{s.intro}</p>
        {jumps.length === 0 ? (
          <p className="empty">{s.empty}</p>
        ) : (
          <ul className="feed" data-testid="jump-feed">
            {jumps.map((jump) => (
              <li key={`${jump.eventId ?? ''}:${jump.fileId}:${jump.at}`} data-testid="jump" data-file-id={jump.fileId}>
                <span className="feed-name" title={jump.name}>
                  {jump.name || jump.fileId}
                </span>
                <span className="feed-event">
                  {s.event(jump.eventType, jump.actorLogin)} {s.at(formatTime(jump.at))}
                </span>
                <span className={jump.scannedAt ? 'feed-state ok' : 'feed-state'} data-testid="jump-state">
                  {jump.scannedAt ? s.scanned(formatTime(jump.scannedAt)) : s.waiting}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
  (before, after) => sameList(before.jumps, after.jumps),
);

/** The head of the queue with each file's reason. */
export const UpNext = memo(
  function UpNext({ head }: { head: QueueHeadEntry[] }) {
    const s = t.dashboard.upNext;
    return (
      <section className="panel dash-panel" aria-labelledby="up-next-heading">
        <h3 id="up-next-heading">{s.heading}</h3>
        <p className="detail">{s.intro}</p>
        {head.length === 0 ? (
          <p className="empty">{s.empty}</p>
        ) : (
          <ol className="feed" data-testid="up-next">
            {head.map((entry) => (
              <li key={entry.fileId}>
                <span className="feed-name" title={entry.name}>
                  {entry.name || entry.fileId}
                </span>
                <span className={`priority priority-${entry.priority}`}>{s.priority[entry.priority]}</span>
                <span className="feed-event">{entry.reason}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    );
  },
  (before, after) => sameList(before.head, after.head),
);

/**
 * Every progress snapshot carries new arrays; these lists of ten change far less often than
 * ten times a second, so they re-render only when their content changed.
 */
function sameList(before: unknown[], after: unknown[]): boolean {
  return before.length === after.length && JSON.stringify(before) === JSON.stringify(after);
}
