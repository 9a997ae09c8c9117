/** Shared by the connection-test scenarios: sign in to a sandbox, change it, run the test. */
import type { CheckId, CheckResult, ConnTestProgress, ConnTestResult } from '../../../common/conntest';
import { runConnectionTest } from '../../../main/core/conntest/runner';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import type { SandboxOptions } from '../../../main/core/sandbox';
import { connectToSandbox, type Connected } from '../../helpers/connected';
import { ctl } from '../sandbox/helpers';

export { ctl };

export interface Scenario extends Connected {
  /** POSTs to the sandbox's control API (/_sandbox/…). */
  control(path: string, body: unknown): Promise<Record<string, unknown>>;
  run(): Promise<{ result: ConnTestResult; progress: ConnTestProgress[] }>;
}

export async function scenario(options: Partial<SandboxOptions> = {}): Promise<Scenario> {
  const connected = await connectToSandbox(options);
  const settings = createNodeSettingsStore(connected.home);
  return {
    ...connected,
    control: (path, body) => ctl(connected.sandbox.info, path, body),
    async run() {
      const progress: ConnTestProgress[] = [];
      const result = await runConnectionTest(
        { home: connected.home, connection: connected.manager, settings: () => settings.get() },
        (p) => progress.push(p),
      );
      return { result, progress };
    },
  };
}

export function check(result: ConnTestResult, id: CheckId): CheckResult {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

export function statuses(result: ConnTestResult): Record<string, string> {
  return Object.fromEntries(result.checks.map((c) => [c.id, c.status]));
}
