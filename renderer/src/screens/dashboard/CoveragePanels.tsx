import { memo, useEffect, useState } from 'react';
import { useBridge } from '../../state/hooks';
import type { NotScannedPage, UserCoverage } from '../../../../common/scan/types';
import { t } from '../../strings';
import { formatNumber } from './format';

const SHOWN_USERS = 50;
const REFRESH_MS = 2000;

/**
 * Coverage per user and what was not scanned, re-read every two seconds while the scan runs
 * (these are store queries, not part of the ten-a-second progress).
 */
export function useCoverage(running: boolean, version: string) {
  const bridge = useBridge();
  const [users, setUsers] = useState<UserCoverage[] | null>(null);
  const [notScanned, setNotScanned] = useState<NotScannedPage | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [running]);
  useEffect(() => {
    let live = true;
    void Promise.all([bridge.getScanCoverage({}), bridge.listNotScanned({ offset: 0, limit: 20 })])
      .then(([coverage, page]) => {
        if (!live) return;
        setUsers(coverage.users);
        setNotScanned(page);
      })
      .catch(() => undefined); // the dashboard's own status line reports a broken core
    return () => {
      live = false;
    };
  }, [bridge, tick, version]);
  return { users, notScanned };
}

// Re-read every two seconds, not ten times a second: render only when the data changed.
export const CoverageTable = memo(function CoverageTable({ users }: { users: UserCoverage[] | null }) {
  const s = t.dashboard.coverage;
  const sorted = [...(users ?? [])].sort((a, b) => b.files - a.files || a.login.localeCompare(b.login));
  const shown = sorted.slice(0, SHOWN_USERS);
  return (
    <section className="panel dash-panel coverage" aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">{s.heading}</h3>
      {shown.length === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        // Focusable and named: a region that scrolls must be reachable by keyboard (WCAG 2.1.1).
        <div className="table-scroll" tabIndex={0} role="region" aria-label={s.scrollLabel}>
          <table data-testid="coverage-table">
            <thead>
              <tr>
                <th scope="col">{s.user}</th>
                <th scope="col">{s.role}</th>
                <th scope="col" className="num">
                  {s.files}
                </th>
                <th scope="col">{s.scanned}</th>
                <th scope="col" className="num">
                  {s.failed}
                </th>
                <th scope="col" className="num">
                  {s.notScanned}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => {
                const done = user.scanned + user.failed + user.notScanned;
                const share = user.files > 0 ? user.scanned / user.files : 0;
                return (
                  <tr key={user.userId} className={user.reachable ? undefined : 'unreachable'}>
                    <th scope="row">
                      {user.login}
                      {!user.reachable && user.reason && <span className="detail">{s.unreachable(user.reason)}</span>}
                    </th>
                    <td>{user.role ?? ''}</td>
                    <td className="num">{formatNumber(user.files)}</td>
                    <td>
                      <span className="mini-bar" aria-hidden="true">
                        <span className="mini-bar-fill" style={{ width: `${Math.round(share * 100)}%` }} />
                      </span>{' '}
                      {formatNumber(user.scanned)}
                      {done < user.files ? '' : ' ✓'}
                    </td>
                    <td className="num">{formatNumber(user.failed)}</td>
                    <td className="num">{formatNumber(user.notScanned)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {sorted.length > shown.length && <p className="detail">{s.more(shown.length, sorted.length)}</p>}
    </section>
  );
});

export const NotScannedPanel = memo(function NotScannedPanel({ page }: { page: NotScannedPage | null }) {
  const s = t.dashboard.notScanned;
  return (
    <section className="panel dash-panel" aria-labelledby="not-scanned-heading">
      <h3 id="not-scanned-heading">
        {s.heading}
        {page && page.total > 0 ? ` (${formatNumber(page.total)})` : ''}
      </h3>
      <p className="detail">{s.intro}</p>
      {!page || page.total === 0 ? (
        <p className="empty">{s.empty}</p>
      ) : (
        <>
          <h4>{s.reasons}</h4>
          <ul className="reasons" data-testid="not-scanned-reasons">
            {page.byReason.map((row) => (
              <li key={row.reason}>
                <strong>{formatNumber(row.count)}</strong> {row.reason}
              </li>
            ))}
          </ul>
          <ul className="feed" data-testid="not-scanned">
            {page.entries.map((entry) => (
              <li key={`${entry.kind}:${entry.id}`}>
                <span className="feed-name">{entry.kind === 'user' ? `${entry.name} (${s.user})` : entry.name}</span>
                <span className="feed-event">
                  {entry.ownerLogin ? `${entry.ownerLogin}: ` : ''}
                  {entry.reason}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
