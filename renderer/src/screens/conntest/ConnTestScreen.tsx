import type { DataCenterId } from '../../../../common/allowlist/data-centers';
import { CHECK_IDS, CHECK_TITLES, type CheckResult } from '../../../../common/conntest';
import { useSettings } from '../../state/hooks';
import { t } from '../../strings';
import { ErrorNotice } from '../layout/ErrorNotice';
import { CheckItem } from './CheckItem';
import { ConnTestStatus } from './ConnTestStatus';
import { useConnTest } from './useConnTest';
import { useDiagnostics } from './useDiagnostics';
import { ScreenHeading } from '../layout/ScreenHeading';

interface Props {
  /** Opens the allowlist walkthrough at the key step for this data center (null: none chosen yet). */
  onOpenAllowlist(dataCenter: DataCenterId | null): void;
  /** Offered next to fixes that say "connect again", when the host screen can sign in. */
  onReconnect?: () => void;
}

/**
 * The connection test: ten checks that arrive one by one while it runs, each with its status,
 * what was found, the fix and Box's evidence; "Test again"; the last result with its time; and
 * the diagnostics for the help desk. Self-contained, so a guided flow can embed it as it is.
 */
export function ConnTestScreen({ onOpenAllowlist, onReconnect }: Props) {
  const { view, loaded, run } = useConnTest();
  const dataCenter: DataCenterId | null = useSettings().value?.walkthrough.dataCenter ?? null;
  const { notice, copyDiagnostics, saveDiagnostics } = useDiagnostics();
  const s = t.conntest;

  const running = view.live !== null;
  const shown: Map<string, CheckResult> = new Map(
    (running ? view.live!.arrived : (view.last?.checks ?? [])).map((c) => [c.id, c]),
  );
  const done = running ? view.live!.arrived.length : (view.last?.checks.length ?? 0);
  const last = view.last;

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

      {notice?.kind === 'ok' && (
        <p role="status" className="ok">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'error' && (
        <p role="alert" className="error">
          {notice.text}
        </p>
      )}
      {notice?.kind === 'manual' && (
        <div className="form-row">
          <label htmlFor="diagnostics-text">{s.copyManually}</label>
          <textarea id="diagnostics-text" className="diagnostics-text" readOnly rows={8} value={notice.text} />
        </div>
      )}
      {view.error && (
        <ErrorNotice
          what={s.failed}
          error={view.error}
          actions={{ retry: () => void run() }}
          can={{ reconnect: onReconnect, open_allowlist: () => onOpenAllowlist(dataCenter) }}
        />
      )}

      <ConnTestStatus running={running} done={done} last={last} loaded={loaded} />

      {(running || last) && (
        <ol className="checks" data-testid="checks" data-done={done} aria-busy={running}>
          {CHECK_IDS.map((id, index) => (
            <CheckItem
              key={id}
              id={id}
              number={index /* the network path is 0, the Box side 1–10 */}
              title={CHECK_TITLES[id]}
              check={shown.get(id) ?? null}
              arrival={view.arrival[id]}
              onOpenAllowlist={() => onOpenAllowlist(dataCenter)}
              onReconnect={onReconnect}
              onCopyDiagnostics={() => void copyDiagnostics()}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
