/**
 * Issue 16, acceptance 3 (CLI half): with the sandbox disabling unpublished apps, Box's
 * consent ends on "Disabled by Administrator", nothing comes back to the CLI, and its timeout
 * says what that page means and where the allowlist step for the chosen data center is
 * (`box-companion guide --dc EU1`), instead of only "Nobody came back from Box".
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { consentInSandbox } from '../../helpers/headless-consent';
import { makeTempHome } from '../../helpers/temp-home';
import { startSandboxProcess, type SandboxProcess } from '../../e2e/support/sandbox-process';
import { connectCli, envWith } from '../network/cli-support';

let sandbox: SandboxProcess;
const temp = makeTempHome('bcc-blocked-');

beforeAll(async () => {
  sandbox = await startSandboxProcess(['--files', '20', '--users', '4', '--restrict-unpublished']);
  const settings = createNodeSettingsStore(temp.home);
  settings.update({ walkthrough: { ...settings.get().walkthrough, dataCenter: 'EU1' } });
});
afterAll(async () => {
  await sandbox.stop();
  temp.cleanup();
});

it('the sign-in timeout explains "Disabled by Administrator" and names the guide for the data center', async () => {
  let boxSaid = '';
  const browser = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    if (response.status === 403) boxSaid = await response.clone().text();
    return response;
  };
  // The consent ends on Box's block page: there is no redirect back to the CLI.
  const consent = async (authorizeUrl: string) =>
    expect(consentInSandbox(authorizeUrl, { fetch: browser })).rejects.toThrow(/did not redirect/);
  const run = await connectCli(temp.home, envWith(), sandbox.info.apiUrl, browser, [], {
    timeoutSeconds: 3,
    consent,
  });
  expect(boxSaid).toContain('Disabled by Administrator');
  expect(run.code).toBe(1);
  const error = run.lines.at(-1)!.error as { code: string; message: string };
  expect(error.code).toBe('open_allowlist');
  expect(error.message).toContain('Nobody came back from Box within 3 seconds');
  expect(error.message).toContain('If Box showed “Disabled by Administrator”, or any page other than the consent page');
  expect(error.message).toContain('The allowlist step for EU1 is in: box-companion guide --dc EU1');
}, 120_000);
