import { useState } from 'react';
import { useBridge, useLocked, useSettings } from '../../state/hooks';
import { t } from '../../strings';
import { LockedSetting } from '../layout/LockedSetting';

interface Props {
  busy: boolean;
  run(action: () => Promise<unknown>): Promise<void>;
}

/**
 * Where to sign in: the built-in sandbox enterprise (unless the organisation does not offer
 * it), or the admin's own Box app (its client ID fixed when the organisation set it).
 */
export function ChooseTarget({ busy, run }: Props) {
  const offerSandbox = useSettings().value?.offerSandbox ?? true;
  if (!offerSandbox)
    return (
      <>
        <p className="detail">{t.managed.sandboxNotOffered}</p>
        <OwnAppChoice busy={busy} run={run} />
      </>
    );
  return (
    <div className="choose-target">
      <SandboxChoice busy={busy} run={run} />
      <OwnAppChoice busy={busy} run={run} />
    </div>
  );
}

function SandboxChoice({ busy, run }: Props) {
  const bridge = useBridge();
  const [seed, setSeed] = useState('1');
  const [role, setRole] = useState<'admin' | 'coadmin' | 'user'>('admin');
  const s = t.connect;
  return (
    <section className="panel" aria-labelledby="sandbox-heading">
      <h3 id="sandbox-heading">{s.sandboxHeading}</h3>
      <p>{s.sandboxIntro}</p>
      <TextRow
        id="sandbox-seed"
        label={s.sandboxSeed}
        help={s.sandboxSeedHelp}
        value={seed}
        onChange={setSeed}
        numeric
      />
      <div className="form-row">
        <label htmlFor="sandbox-role">{s.sandboxRole}</label>
        <select id="sandbox-role" value={role} onChange={(event) => setRole(event.target.value as typeof role)}>
          <option value="admin">{s.roles.admin}</option>
          <option value="coadmin">{s.roles.coadmin}</option>
          <option value="user">{s.roles.user}</option>
        </select>
      </div>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void run(() => bridge.useSandboxEnterprise({ seed: Number(seed), role }))}
      >
        {s.useSandbox}
      </button>
    </section>
  );
}

function OwnAppChoice({ busy, run }: Props) {
  const bridge = useBridge();
  const managedClientId = useSettings().value?.boxApp.clientId ?? null;
  const clientIdLocked = useLocked('boxApp.clientId');
  const [typedClientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [port, setPort] = useState('');
  const clientId = clientIdLocked && managedClientId ? managedClientId : typedClientId;
  const s = t.connect;
  return (
    <section className="panel" aria-labelledby="own-app-heading">
      <h3 id="own-app-heading">{s.ownAppHeading}</h3>
      <details>
        <summary>{s.ownAppGuideSummary}</summary>
        <ol className="guide">
          {s.ownAppGuide.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </details>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => bridge.registerBoxApp({ clientId, clientSecret, redirectPort: port ? Number(port) : null }));
        }}
      >
        {clientIdLocked ? (
          <LockedSetting label={s.clientId} testId="locked-client-id" stacked>
            <code>{clientId}</code>
          </LockedSetting>
        ) : (
          <TextRow id="client-id" label={s.clientId} value={clientId} onChange={setClientId} />
        )}
        <TextRow
          id="client-secret"
          label={s.clientSecret}
          help={s.clientSecretHelp}
          value={clientSecret}
          onChange={setClientSecret}
          secret
        />
        <TextRow
          id="redirect-port"
          label={s.redirectPort}
          help={s.redirectPortHelp}
          value={port}
          onChange={setPort}
          numeric
        />
        <button type="submit" disabled={busy}>
          {s.saveApp}
        </button>
      </form>
    </section>
  );
}

interface TextRowProps {
  id: string;
  label: string;
  help?: string;
  value: string;
  onChange(value: string): void;
  numeric?: boolean;
  secret?: boolean;
}

/** A labelled text field with its help text tied to it for screen readers. */
function TextRow({ id, label, help, value, onChange, numeric, secret }: TextRowProps) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={secret ? 'password' : 'text'}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={help ? `${id}-help` : undefined}
      />
      {help && (
        <span id={`${id}-help`} className="detail">
          {help}
        </span>
      )}
    </div>
  );
}
