import { signInExpiryReminder, type ConnectionState } from '../../../../common/connection';
import { t } from '../../strings';

type Connected = Extract<ConnectionState, { status: 'connected' }>;

/** As whom, which enterprise, since when, and when the sign-in runs out. */
export function ConnectionDetails({ state }: { state: Connected }) {
  const s = t.connect;
  const reminder = signInExpiryReminder(state.refreshTokenExpiresAt, new Date());
  return (
    <>
      <dl>
        <dt>{s.signedInAs}</dt>
        <dd data-testid="connected-user">
          {state.user.name} &lt;{state.user.login}&gt;
        </dd>
        <dt>{s.role}</dt>
        <dd data-testid="connected-role">{state.user.role ? s.roles[state.user.role] : s.roleUnknown}</dd>
        <dt>{s.enterprise}</dt>
        <dd>{state.enterprise ? `${state.enterprise.name} (${state.enterprise.id})` : s.noEnterprise}</dd>
        <dt>{s.target}</dt>
        <dd>{state.target === 'sandbox' ? s.targetSandbox : s.targetBox}</dd>
        <dt>{s.since}</dt>
        <dd>{new Date(state.connectedAt).toLocaleString()}</dd>
        <dt>{s.expires}</dt>
        <dd data-testid="sign-in-expiry">{new Date(state.refreshTokenExpiresAt).toLocaleDateString()}</dd>
      </dl>
      {reminder && (
        <p role="status" className="warn">
          {reminder}
        </p>
      )}
    </>
  );
}
