/**
 * An organisation's managed settings file (issue 16), as the admin meets it: the walkthrough
 * opens on the managed data center and console with no choice offered, the client ID is fixed,
 * the sandbox is not offered, and every preset is marked "Set by your organisation". A malformed
 * file is reported (a notice naming the line, and the About panel) and the app still starts with
 * its defaults. The harness's core reads the file from BOX_COMPANION_MANAGED_FILE.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { dataCenter } from '../../common/allowlist';
import { expect, startHarness, stopHarness, type Harness } from './harness';
import { makeTempHome } from '../helpers/temp-home';

const CLIENT_ID = 'abcdefghij0123456789abcdefghij01';

/** A harness on a fresh home whose managed file holds `content`. */
const test = base.extend<{ managedFile: string; harness: Harness }>({
  managedFile: ['', { option: true }],
  harness: async ({ managedFile }, use) => {
    const temp = makeTempHome('bcc-e2e-managed-');
    const path = join(temp.home, 'managed.json');
    writeFileSync(path, managedFile);
    const harness = await startHarness(join(temp.home, 'home'), { env: { BOX_COMPANION_MANAGED_FILE: path } });
    await use(harness);
    await stopHarness(harness);
    temp.cleanup();
  },
});

test.use({ viewport: { width: 1280, height: 800 } });

test.describe('with a managed file', () => {
  test.use({
    managedFile: JSON.stringify({
      version: 1,
      dataCenter: 'EU1',
      consoleGeneration: 'apps-manager',
      clientId: CLIENT_ID,
      scan: { backfillDays: 30 },
      offerSandbox: false,
    }),
  });

  test('the walkthrough opens on its data center, and every preset is locked and marked', async ({ page, harness }) => {
    await page.goto(harness.url);
    // The sandbox is not offered: only the admin's own Box is a way to start.
    await expect(page.getByRole('button', { name: 'Use my Box' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try the sandbox enterprise' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Use my Box' }).click();

    // Opens on EU1 and the Apps Manager console, with no question asked.
    await expect(page.getByTestId('locked-data-center')).toHaveText('EU1 (Europe)');
    await expect(page.getByTestId('locked-console')).toContainText('Apps Manager');
    await expect(page.getByRole('group', { name: 'Data center' })).toContainText('Set by your organisation');
    // The only question left is the security portal's (the organisation does not set it).
    const portal = page.getByRole('group', { name: 'What do you see when you open the security portal?' });
    await expect(portal.getByRole('radio')).toHaveCount(3);
    await expect(page.getByRole('radio')).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Find my data center' })).toHaveCount(0);
    await expect(page.getByTestId('allowlist-key')).toHaveText(dataCenter('EU1').allowlistKey);
    await expect(page.getByTestId('companion-client-id')).toContainText(CLIENT_ID);

    // Connect: the client ID is fixed, and there is no sandbox to choose.
    await page.getByRole('button', { name: 'Connect to Box' }).first().click();
    await expect(page.getByTestId('locked-client-id')).toHaveText(CLIENT_ID);
    await expect(page.getByRole('group', { name: 'Client ID' })).toContainText('Set by your organisation');
    await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Use the sandbox enterprise' })).toHaveCount(0);
    await expect(page.getByText('Your organisation does not offer the sandbox enterprise')).toBeVisible();

    // The settings (About this installation) list each preset, marked.
    await page.getByRole('button', { name: 'About this installation' }).click();
    const managed = page.getByTestId('managed-settings');
    await expect(managed.getByTestId('managed-walkthrough.dataCenter')).toHaveText('EU1 (Europe)');
    await expect(managed.getByTestId('managed-boxApp.clientId')).toHaveText(CLIENT_ID);
    await expect(managed.getByTestId('managed-scan.backfillDays')).toHaveText('30 days');
    await expect(managed.getByTestId('managed-offerSandbox')).toHaveText('No');
    await expect(managed.getByTestId('locked-badge')).toHaveCount(5);
    await expect(managed.getByTestId('locked-badge').first()).toHaveText('Set by your organisation');
  });
});

test.describe('with a malformed managed file', () => {
  test.use({ managedFile: '{\n  "version": 1,\n  "dataCenter": "EU1"\n  "clientId": "x"\n}\n' });

  test('says what is wrong and where, once, and the app starts with its defaults', async ({ page, harness }) => {
    await page.goto(harness.url);
    const notice = page.getByTestId('toasts');
    await expect(notice).toContainText('Your organisation’s settings file could not be used');
    await expect(notice).toContainText('is not valid JSON at line 4, column 3');
    await expect(notice.locator('.toast')).toHaveCount(1);
    // The app still starts: Welcome, the sandbox offered, and the walkthrough asks for the data center.
    await expect(page.getByRole('button', { name: 'Try the sandbox enterprise' })).toBeVisible();
    await page.getByRole('button', { name: 'Use my Box' }).click();
    await expect(page.getByRole('radio', { name: 'EU1 (Europe)' })).not.toBeChecked();
    await expect(page.getByTestId('locked-badge')).toHaveCount(0);
    // Said once: moving around does not repeat it; the About panel keeps saying it.
    await page.getByRole('button', { name: 'About this installation' }).click();
    await expect(page.getByTestId('managed-problem')).toContainText('line 4, column 3');
    await expect(notice.locator('.toast')).toHaveCount(1);
    // Logged for the help desk, naming the place and no value.
    expect(harness.stderr()).toMatch(/managed settings not used, defaults apply: .*line 4, column 3/);
  });
});
