import { CHECK_IDS, CHECK_TITLES, type CheckId, type CheckResult } from '../../../../common/conntest';
import { CheckItem } from './CheckItem';

interface Props {
  /** The checks that have reported (all of them once a test finished). */
  checks: readonly CheckResult[];
  running: boolean;
  arrival: Partial<Record<CheckId, number>>;
  /** A bundle opened by the help desk: no buttons that act on this computer. */
  readOnly?: boolean;
  onOpenAllowlist(): void;
  onReconnect?: () => void;
  onCopyDiagnostics(): void;
}

/** The checks (0, the network path, then the ten on the Box side) in the admin's reading order, each as it reported (or waiting). */
export function ConnTestChecks({ checks, running, arrival, readOnly = false, ...actions }: Props) {
  const shown = new Map(checks.map((check) => [check.id, check]));
  return (
    <ol className="checks" data-testid="checks" data-done={checks.length} aria-busy={running}>
      {CHECK_IDS.map((id, index) => (
        <CheckItem
          key={id}
          id={id}
          number={index /* the network path is 0, the Box side 1–10 */}
          title={CHECK_TITLES[id]}
          check={shown.get(id) ?? null}
          arrival={arrival[id]}
          readOnly={readOnly}
          {...actions}
        />
      ))}
    </ol>
  );
}
