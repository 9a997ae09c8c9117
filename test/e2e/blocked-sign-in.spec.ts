/**
 * Issue 16, acceptance 3 (the app's half): with the enterprise disabling unpublished apps,
 * Box's consent ends on "Disabled by Administrator" in the browser and nothing comes back. The
 * waiting screen says what that page means and links the allowlist step for the data center
 * chosen in the walkthrough (EU1 here), which opens on that data center's key.
 */
import { dataCenter } from '../../common/allowlist';
import { createNodeSettingsStore } from '../../main/core/settings/node-settings';
import { makeTempHome } from '../helpers/temp-home';
import { expect, startHarness, stopHarness, test } from './harness';

test.use({ viewport: { width: 1280, height: 800 } });

test('waiting for a blocked sign-in: the explanation and the allowlist step for EU1', async ({ page, context }) => {
  const temp = makeTempHome('bcc-e2e-blocked-');
  const settings = createNodeSettingsStore(temp.home);
  settings.update({
    walkthrough: { ...settings.get().walkthrough, dataCenter: 'EU1' },
    firstRun: { done: true, step: 'scan' },
  });
  const harness = await startHarness(temp.home);
  try {
    await page.goto(harness.url);
    // After the first run, Connection is an ordinary page of the main navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Use the sandbox enterprise' }).click();
    await page.getByRole('button', { name: 'Sign in with Box' }).click();
    await expect(page.getByTestId('connection-status')).toContainText('Waiting for the browser');
    const authorizeUrl = (await page.getByTestId('authorize-link').getAttribute('href'))!;
    const restricted = await fetch(new URL('/_sandbox/enterprise', authorizeUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ restrict_unpublished: true }),
    });
    expect(restricted.status).toBe(200);

    const browserTab = await context.newPage();
    await browserTab.goto(authorizeUrl);
    await browserTab.getByRole('button', { name: 'Grant access to Box' }).click();
    await expect(browserTab.getByText('Disabled by Administrator').first()).toBeVisible();

    const callout = page.getByTestId('blocked-sign-in');
    await expect(callout).toContainText('Box shows “Disabled by Administrator”, or any page other than the consent?');
    await expect(callout).toContainText('a Box admin must allowlist its client ID first');
    await page.getByRole('button', { name: 'Open the allowlist step for EU1' }).click();
    await expect(page.getByRole('radio', { name: 'EU1 (Europe)' })).toBeChecked();
    await expect(page.getByTestId('allowlist-key')).toHaveText(dataCenter('EU1').allowlistKey);
  } finally {
    await stopHarness(harness);
    temp.cleanup();
  }
});
