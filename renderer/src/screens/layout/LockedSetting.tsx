import type { ReactNode } from 'react';
import { t } from '../../strings';

/** The mark on a setting the organisation preset and locked. */
export function LockedBadge() {
  return (
    <span className="locked-badge" data-testid="locked-badge">
      <span aria-hidden="true" className="locked-icon" />
      {t.managed.badge}
    </span>
  );
}

interface Props {
  label: string;
  children: ReactNode;
  /** Names the value for tests; screen readers find the group by its label. */
  testId?: string;
  /** Inside a form: the label above, like the fields around it. */
  stacked?: boolean;
}

/** A locked setting in place of its control: what it is, its value, and the mark; nothing to press. */
export function LockedSetting({ label, children, testId, stacked = false }: Props) {
  return (
    <div className={stacked ? 'locked-setting locked-stacked' : 'locked-setting'} role="group" aria-label={label}>
      <span className="locked-label">{label}</span>
      <span className="locked-line">
        <strong className="locked-value" data-testid={testId}>
          {children}
        </strong>
        <LockedBadge />
      </span>
    </div>
  );
}
