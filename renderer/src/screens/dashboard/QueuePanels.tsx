import { memo, type ReactNode } from 'react';
import type { QueueHeadEntry, QueueJump } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatTime } from './format';

/** Files moved to the front by an event: who did what, when, and when the file was scanned. */
export const JumpFeed = memo(
  function JumpFeed({ jumps }: { jumps: QueueJump[] }) {
    const s = t.dashboard.jumps;
    return (
      <FeedPanel headingId="jumps-heading" strings={s} empty={jumps.length === 0}>
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
      </FeedPanel>
    );
  },
  (before, after) => sameList(before.jumps, after.jumps),
);

/** The head of the queue with each file's reason. */
export const UpNext = memo(
  function UpNext({ head }: { head: QueueHeadEntry[] }) {
    const s = t.dashboard.upNext;
    return (
      <FeedPanel headingId="up-next-heading" strings={s} empty={head.length === 0}>
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
      </FeedPanel>
    );
  },
  (before, after) => sameList(before.head, after.head),
);

interface FeedPanelProps {
  headingId: string;
  strings: { heading: string; intro: string; empty: string };
  /** Shows the empty text instead of the list. */
  empty: boolean;
  /** The list. */
  children: ReactNode;
}

/** A dashboard panel of a short list: heading, intro, then the list or the empty text. */
function FeedPanel({ headingId, strings, empty, children }: FeedPanelProps) {
  return (
    <section className="panel dash-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{strings.heading}</h3>
      <p className="detail">{strings.intro}</p>
      {empty ? <p className="empty">{strings.empty}</p> : children}
    </section>
  );
}

/**
 * Every progress snapshot carries new arrays; these lists of ten change far less often than
 * ten times a second, so they re-render only when their content changed.
 */
function sameList(before: unknown[], after: unknown[]): boolean {
  return before.length === after.length && JSON.stringify(before) === JSON.stringify(after);
}
