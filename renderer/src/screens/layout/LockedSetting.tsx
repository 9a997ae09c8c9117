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

/**
 * A locked setting in place of its control: what it is, its value, and the mark; nothing to
 * press. `testId` names the value for tests and screen readers find it by its label.
 */
export function LockedSetting({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="locked-setting" role="group" aria-label={label}>
      <span className="locked-label">{label}</span>
      <strong className="locked-value" data-testid={testId}>
        {children}
      </strong>
      <LockedBadge />
    </div>
  );
}
