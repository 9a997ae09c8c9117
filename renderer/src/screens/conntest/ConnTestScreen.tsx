import type { DataCenterId } from '../../../../common/allowlist/data-centers';
import { encodeSupportCode, formatSupportCode, supportStateOf } from '../../../../common/support';
import type { OpenedBundle } from '../../../../common/support/bundle';
import { useConnection, useSettings } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { ScreenHeading } from '../layout/ScreenHeading';
import { ConnTestChecks } from './ConnTestChecks';
import { ConnTestStatus } from './ConnTestStatus';
import { SupportCode } from './SupportCode';
import { useConnTest } from './useConnTest';
import { useDiagnostics, type Notice } from './useDiagnostics';

interface Props {
  /** Opens the allowlist walkthrough at the key step for this data center (null: none chosen yet). */
  onOpenAllowlist(dataCenter: DataCenterId | null): void;
  /** Offered next to fixes that say "connect again", when the host screen can sign in. */
  onReconnect?: () => void;
}

/**
 * The connection test: ten checks that arrive one by one while it runs, each with its status,
 * what was found, the fix and Box's evidence; "Test again"; the last result with its time and
 * the support code; and the diagnostics for the help desk. Self-contained, so a guided flow can
 * embed it as it is. With `bundle`, the same screen shows a diagnostics file read-only.
 */
export function ConnTestScreen(props: Props & { bundle?: OpenedBundle }) {
  return props.bundle ? <BundleConnTest bundle={props.bundle} /> : <LiveConnTest {...props} />;
}

function LiveConnTest({ onOpenAllowlist, onReconnect }: Props) {
  const { view, loaded, run } = useConnTest();
  const walkthrough = useSettings().value?.walkthrough;
  const dataCenter: DataCenterId | null = walkthrough?.dataCenter ?? null;
  const connected = useConnection().value?.state.status === 'connected';
  const { notice, copyDiagnostics, saveDiagnostics } = useDiagnostics();
  const s = t.conntest;

  const running = view.live !== null;
  const checks = running ? view.live!.arrived : (view.last?.checks ?? []);
  const last = view.last;
  const supportCode =
    !running && last
      ? formatSupportCode(
          encodeSupportCode(
            supportStateOf({
              dataCenter,
              consoleGeneration: walkthrough?.consoleGeneration ?? null,
              connected,
              lastTest: last,
            }),
          ),
        )
      : null;

  return (
    <section aria-labelledby="conntest-heading" className="conntest">
      <ScreenHeading id="conntest-heading">{s.heading}</ScreenHeading>
      <p className="intro">{s.intro}</p>

      <div className="button-row conntest-actions">
        <button type="button" className="primary" disabled={running || !loaded} onClick={() => void run()}>
          {running ? s.busy : last ? s.again : s.run}
        </button>
        <button type="button" onClick={() => void copyDiagnostics()}>
          {s.copyDiagnostics}
        </button>
        <button type="button" onClick={() => void saveDiagnostics()}>
          {s.saveDiagnostics}
        </button>
      </div>

      <DiagnosticsNotice notice={notice} />
      {view.error && (
        <ErrorNotice
          what={s.failed}
          error={view.error}
          actions={{ retry: () => void run() }}
          can={{ reconnect: onReconnect, open_allowlist: () => onOpenAllowlist(dataCenter) }}
        />
      )}

      <ConnTestStatus running={running} done={checks.length} last={last} loaded={loaded} />
      {supportCode && <SupportCode code={supportCode} />}

      {(running || last) && (
        <ConnTestChecks
          checks={checks}
          running={running}
          arrival={view.arrival}
          onOpenAllowlist={() => onOpenAllowlist(dataCenter)}
          onReconnect={onReconnect}
          onCopyDiagnostics={() => void copyDiagnostics()}
        />
      )}
    </section>
  );
}

/** A diagnostics file, read-only: the test exactly as the admin saw it, marked where it came from. */
function BundleConnTest({ bundle }: { bundle: OpenedBundle }) {
  const s = t.conntest;
  const h = t.helpdesk.bundle;
  const noop = () => undefined;
  return (
    <section aria-labelledby="conntest-heading" className="conntest read-only" data-testid="bundle-view">
      <ScreenHeading id="conntest-heading">{s.heading}</ScreenHeading>
      <p className="from-bundle" role="note" data-testid="bundle-origin">
        <strong>{h.from(bundle.machine, new Date(bundle.savedAt).toLocaleString())}</strong>{' '}
        {h.readOnly(bundle.fileName)}
      </p>
      <ConnTestStatus running={false} done={bundle.lastTest?.checks.length ?? 0} last={bundle.lastTest} loaded />
      {bundle.lastTest && <SupportCode code={bundle.supportCode} fromBundle />}
      {bundle.lastTest && (
        <ConnTestChecks
          checks={bundle.lastTest.checks}
          running={false}
          arrival={{}}
          readOnly
          onOpenAllowlist={noop}
          onCopyDiagnostics={noop}
        />
      )}
    </section>
  );
}

function DiagnosticsNotice({ notice }: { notice: Notice | null }) {
  const s = t.conntest;
  if (notice?.kind === 'ok')
    return (
      <p role="status" className="ok">
        {notice.text}
      </p>
    );
  if (notice?.kind === 'error')
    return (
      <p role="alert" className="error">
        {notice.text}
      </p>
    );
  if (notice?.kind === 'manual')
    return (
      <div className="form-row">
        <label htmlFor="diagnostics-text">{s.copyManually}</label>
        <textarea id="diagnostics-text" className="diagnostics-text" readOnly rows={8} value={notice.text} />
      </div>
    );
  return null;
}
