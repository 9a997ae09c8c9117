import { signInExpiryReminder, type ConnectionState } from '../../../../common/connection';
import { t } from '../../strings';

/** The connection state and sign-in expiry, always visible in the header; a click opens Connect. */
export function ConnectionBadge({ state, onOpen }: { state: ConnectionState; onOpen(): void }) {
  const reminder = state.status === 'connected' ? signInExpiryReminder(state.refreshTokenExpiresAt, new Date()) : null;
  const who = state.status === 'connected' ? ` · ${state.user.login}` : '';
  // The expiry is always in view while connected: Box refresh tokens die after 60 days unused.
  const expiry = state.status === 'connected' ? t.connect.badgeExpires(state.refreshTokenExpiresAt.slice(0, 10)) : null;
  return (
    <button
      type="button"
      className={`connection-badge status-${state.status}`}
      onClick={onOpen}
      data-testid="connection-badge"
      title={reminder ?? undefined}
    >
      {t.connect.badge[state.status]}
      {who}
      {expiry && (
        <span className="badge-expiry" data-testid="badge-expiry">
          {expiry}
        </span>
      )}
      {reminder && <span className="badge-warning"> ⚠</span>}
    </button>
  );
}
