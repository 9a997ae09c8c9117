/**
 * What a decoded support code says, in the words the CLI and the help desk screen both show.
 * Runs everywhere.
 */
import { consoleGenerationInfo } from '../allowlist/consoles';
import { dataCenter } from '../allowlist/data-centers';
import { CHECK_TITLES, type CheckId } from '../conntest';
import { CHECKS_V1, type SupportCheckResult, type SupportState } from './support-code';

export const SUPPORT_RESULT_LABELS: Record<SupportCheckResult, string> = {
  pass: 'Passed',
  warning: 'Warning',
  fail: 'Failed',
  not_run: 'Not run',
};

export interface SupportSummary {
  dataCenter: string;
  consoleGeneration: string;
  connection: string;
  /** The verdict line: what the checks add up to, or that no test was run. */
  verdict: string;
  checks: { id: CheckId; title: string; result: SupportCheckResult; label: string }[];
}

function verdictOf(checks: Record<CheckId, SupportCheckResult> | null): string {
  if (!checks) return 'No connection test was run on this computer yet.';
  const results = CHECKS_V1.map((id) => checks[id]);
  const count = (result: SupportCheckResult) => results.filter((r) => r === result).length;
  const failed = count('fail') + count('not_run');
  if (failed > 0)
    return `The connection test failed: ${count('fail')} failed, ${count('not_run')} not run, ${count('warning')} warnings.`;
  if (count('warning') > 0)
    return `The connection works, with ${count('warning')} warning${count('warning') === 1 ? '' : 's'}.`;
  return 'Every check of the connection test passed.';
}

export function summariseSupportState(state: SupportState): SupportSummary {
  const generation = state.consoleGeneration ? consoleGenerationInfo(state.consoleGeneration) : null;
  return {
    dataCenter: state.dataCenter ? dataCenter(state.dataCenter).displayName : 'Not chosen yet',
    consoleGeneration: generation ? `${generation.name} (${generation.era})` : 'Not chosen yet',
    connection: state.connected ? 'Connected to Box' : 'Not connected',
    verdict: verdictOf(state.checks),
    checks: state.checks
      ? CHECKS_V1.map((id) => ({
          id,
          title: CHECK_TITLES[id],
          result: state.checks![id],
          label: SUPPORT_RESULT_LABELS[state.checks![id]],
        }))
      : [],
  };
}
