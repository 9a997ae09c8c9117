import { usePolicies } from '../../state/hooks';
import { t } from '../../strings';
import { formatNumber } from '../dashboard/format';

/** The dashboard's view of the policies: each one's live match count, one click from the Policies screen. */
export function PolicyCountsPanel({ onOpen }: { onOpen(): void }) {
  const summaries = usePolicies().value?.summaries ?? [];
  const s = t.policies.dashboard;
  if (summaries.length === 0) return null;
  return (
    <section className="panel dash-panel policy-counts" aria-labelledby="policy-counts-heading">
      <h3 id="policy-counts-heading">{s.heading}</h3>
      <p className="detail">{s.intro}</p>
      <ul className="feed">
        {summaries.map(({ policy, matches, newMatches }) => (
          <li key={policy.id} data-testid="dashboard-policy" data-policy-id={policy.id}>
            <span className="feed-name">{policy.name}</span>
            <span className="num">
              {s.matches(formatNumber(matches))}
              {newMatches > 0 && <span className="new-badge">{t.policies.list.newBadge(newMatches)}</span>}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={onOpen}>
        {s.open}
      </button>
    </section>
  );
}
