/**
 * Screenshots of every screen, light and dark, at 1280×800, for looking at (not a test):
 *
 *   npm run build && node test/helpers/with-keyring.mjs npx tsx test/helpers/take-screenshots.ts [DIR] [helpdesk]
 *
 * With `helpdesk` it stops after the set-up and help desk screens (the portal steps, the support
 * code on the test screen, Help desk with a code entered and with a diagnostics file open),
 * skipping the long scan.
 *
 * Drives the real app through the harness and the in-app sandbox; the scan is slowed with the
 * sandbox's latency fault so the dashboard is caught mid-scan. PNGs go to DIR (/tmp/shots-dashboard).
 * Then the screens with an organisation's managed settings file (locked settings, a malformed
 * file); `BCC_SHOTS=managed` takes only those.
 * With `policies` it signs in, scans, and takes the Policies screens only (the list with live
 * counts, the editor and its preview, the dry run, a run paused and done, the audit log after an
 * undo, the alerts); the full run takes them after Activity too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startHarness, stopHarness } from '../e2e/harness';
import { signInToSandbox, startScanFromFlow } from '../e2e/support/first-run';
import { makeTempHome } from './temp-home';

const dir = process.argv[2] ?? '/tmp/shots-dashboard';
const helpDeskOnly = process.argv[3] === 'helpdesk';
const policiesOnly = process.argv[3] === 'policies';
mkdirSync(dir, { recursive: true });

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150); // let canvases redraw in the new colours
    await page.screenshot({ path: join(dir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function post(control: string, path: string, body: unknown): Promise<void> {
  await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The portal half of the walkthrough, scrolled into view. */
async function portalShots(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /“Microsoft Defender” at the top/ }).check();
  await page.getByRole('checkbox', { name: /^Portal step 1:/ }).check();
  await page.getByRole('heading', { name: /^5\. Then connect Box/ }).scrollIntoViewIfNeeded();
  await page.evaluate('document.getElementById("portal-heading").scrollIntoView({ block: "start" })');
  await shoot(page, '02b-portal-steps');
  await page.evaluate('document.getElementById("portal-steps-heading").scrollIntoView({ block: "start" })');
  await page.mouse.wheel(0, 1400);
  await page.waitForTimeout(200);
  await shoot(page, '02c-portal-steps-end');
}

/** The test with its support code, then Help desk: empty, a code read back, a diagnostics file open. */
async function helpDeskShots(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run the test' }).click();
  await page.getByTestId('support-code').waitFor({ timeout: 20_000 });
  await shoot(page, '05b-test-support-code');
  const code = (await page.getByTestId('support-code').textContent())!;
  await page.getByRole('button', { name: 'Save diagnostics file' }).click();
  const saved = (await page.getByText(/^Diagnostics saved to /).textContent())!;
  const path = /^Diagnostics saved to (.+?)\. Tokens/.exec(saved)![1]!;
  await page.getByRole('button', { name: 'Help desk', exact: true }).click();
  await shoot(page, '14-helpdesk');
  await page.getByLabel('Support code', { exact: true }).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Read the code' }).click();
  await page.getByTestId('support-summary').scrollIntoViewIfNeeded();
  await shoot(page, '15-helpdesk-code');
  await page.getByLabel('Support code', { exact: true }).fill(code.slice(0, 6));
  await page.getByRole('button', { name: 'Read the code' }).click();
  await shoot(page, '16-helpdesk-code-mistyped');
  await page.getByLabel('Diagnostics file', { exact: true }).setInputFiles(path);
  await page.getByTestId('bundle-view').waitFor();
  await shoot(page, '17-helpdesk-bundle');
  await page.mouse.wheel(0, 500);
  await page.waitForTimeout(200);
  await shoot(page, '18-helpdesk-bundle-lower');
  await page.getByRole('button', { name: 'Close the file' }).click();
  await page.getByRole('button', { name: 'Set-up', exact: true }).click();
}

/** Closes the notices on screen: the first shots had three covering the tables' right-hand columns. */
async function closeToasts(page: Page): Promise<void> {
  // One at a time: closing one re-lays the others out (a list of locators taken first goes stale).
  const close = page.locator('.toast-close');
  for (let i = 0; i < 20 && (await close.count()) > 0; i++) await close.first().click();
}

/** The Policies screen from a template to an undone change, with the run slowed so it is caught paused. */
async function policiesShots(page: Page, control: string): Promise<void> {
  await page.getByRole('button', { name: /^Policies/ }).click();
  await page.getByTestId('template').first().waitFor();
  await closeToasts(page);
  await shoot(page, '30-policies-templates');
  await page.getByRole('button', { name: 'Create “Public files with card numbers”' }).click();
  await page.getByRole('button', { name: 'Create “Files shared with personal e-mail domains”' }).click();
  await page.locator('[data-policy-id="personal-email-domains"]').waitFor();
  await page.waitForTimeout(500);
  await closeToasts(page);
  await shoot(page, '31-policies-list');
  await page.getByRole('button', { name: 'Edit Files shared with personal e-mail domains' }).click();
  await page.getByTestId('preview-total').filter({ hasText: 'files match' }).waitFor();
  await closeToasts(page);
  await shoot(page, '32-policy-editor');
  await page.mouse.wheel(0, 700);
  await page.waitForTimeout(200);
  await closeToasts(page);
  await shoot(page, '32b-policy-editor-lower');
  await page.getByLabel('Folder path starts with').fill('Finance');
  await page.getByText('a folder path starting with /').first().waitFor();
  await closeToasts(page);
  await shoot(page, '32c-policy-editor-invalid');
  await page.getByRole('button', { name: 'Back to the policies' }).click();
  await page.getByRole('button', { name: 'Dry run: Public files with card numbers' }).click();
  await page.getByTestId('review-row').first().waitFor();
  await closeToasts(page);
  await shoot(page, '33-dry-run');
  await post(control, '/faults', { latency_ms: 600 });
  await page.getByRole('button', { name: /^Confirm: change / }).click();
  await page.locator('[data-testid="run-state"][data-state="applying"]').waitFor();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.locator('[data-testid="run-state"][data-state="paused"]').waitFor();
  await closeToasts(page);
  await shoot(page, '34-run-paused');
  await post(control, '/faults', { latency_ms: 0 });
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.locator('[data-testid="run-state"][data-state="done"]').waitFor({ timeout: 120_000 });
  await closeToasts(page);
  await shoot(page, '35-run-done');
  await page.getByRole('button', { name: 'Open the audit log' }).click();
  await page.getByTestId('audit-row').first().waitFor();
  await page
    .getByTestId('audit-row')
    .first()
    .getByRole('button', { name: /^Undo the change to / })
    .click();
  await page.getByTestId('audit-row').first().getByText('Undone').first().waitFor({ timeout: 60_000 });
  await closeToasts(page);
  await shoot(page, '36-audit-log');
  await page.getByRole('button', { name: /^Alerts/ }).click();
  await page.waitForTimeout(500);
  await closeToasts(page);
  await shoot(page, '37-alerts');
}

/** Sign in, scan to the end, then the Policies screens only. */
async function policiesOnlyRun(browser: Browser): Promise<void> {
  const temp = makeTempHome('bcc-shots-policies-');
  const harness = await startHarness(temp.home);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(harness.url);
    const control = await signInToSandbox(page, context);
    await startScanFromFlow(page);
    // Made mid-scan, so its new matches raise the alert toast and the navigation's badge.
    await page.getByRole('button', { name: /^Policies/ }).click();
    await page.getByRole('button', { name: 'Create “Sensitive files shared externally”' }).click();
    await page.getByTestId('toasts').getByText('new match').first().waitFor({ timeout: 120_000 });
    await shoot(page, '29-policy-alert-toast');
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page.getByText('Scan complete').first().waitFor({ timeout: 450_000 });
    await closeToasts(page);
    // The dashboard's panel of live match counts, one line per policy.
    await page.locator('.policy-counts').scrollIntoViewIfNeeded();
    await shoot(page, '28-dashboard-policy-counts');
    await policiesShots(page, control);
  } finally {
    await stopHarness(harness);
    temp.cleanup();
  }
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    if (policiesOnly) return await policiesOnlyRun(browser);
    if (process.env.BCC_SHOTS !== 'managed') await everyScreen(browser);
    await managedScreens(browser);
  } finally {
    await browser.close();
  }
}

/** A harness whose core reads `managed` as the organisation's managed settings file. */
async function withManagedFile(browser: Browser, managed: string, take: (page: Page) => Promise<void>): Promise<void> {
  const temp = makeTempHome('bcc-shots-managed-');
  const file = join(temp.home, 'managed.json');
  writeFileSync(file, managed);
  const harness = await startHarness(join(temp.home, 'home'), { env: { BOX_COMPANION_MANAGED_FILE: file } });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(harness.url);
    await take(page);
  } finally {
    await stopHarness(harness);
    temp.cleanup();
  }
}

async function managedScreens(browser: Browser): Promise<void> {
  const managed = {
    version: 1,
    dataCenter: 'EU1',
    consoleGeneration: 'apps-manager',
    clientId: 'abcdefghij0123456789abcdefghij01',
    scan: { backfillDays: 30, activityRetentionDays: 180 },
    offerSandbox: false,
  };
  await withManagedFile(browser, JSON.stringify(managed), async (page) => {
    await page.getByRole('button', { name: 'Use my Box' }).click();
    await page.getByTestId('locked-data-center').waitFor();
    await shoot(page, '20-managed-allowlist');
    await page.getByRole('button', { name: 'Connect to Box' }).first().click();
    await page.getByTestId('locked-client-id').waitFor();
    await shoot(page, '21-managed-connect');
    await page.getByRole('button', { name: 'Step 5 of 5: Start the scan' }).click();
    await page.getByTestId('locked-backfill').waitFor();
    await shoot(page, '22-managed-scan-start');
    await page.getByRole('button', { name: 'About this installation' }).click();
    await page.getByTestId('managed-settings').waitFor();
    await shoot(page, '23-managed-about');
  });
  await withManagedFile(browser, '{\n  "version": 1,\n  "dataCenter": "EU1"\n  "clientId": "x"\n}\n', async (page) => {
    await page.getByTestId('toasts').getByText('could not be used').waitFor();
    await shoot(page, '24-managed-malformed-notice');
    await page.getByRole('button', { name: 'About this installation' }).click();
    await page.getByTestId('managed-problem').waitFor();
    await shoot(page, '25-managed-malformed-about');
  });
}

async function everyScreen(browser: Browser): Promise<void> {
  const temp = makeTempHome('bcc-shots-');
  const harness = await startHarness(temp.home);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Try the sandbox enterprise' }).waitFor();
    await shoot(page, '01-welcome');
    await page.getByRole('button', { name: 'Step 2 of 5: Allowlist' }).click();
    await page.getByRole('radio', { name: 'US2 (United States)' }).check();
    await page.getByRole('radio', { name: /An entry called “Platform”/ }).check();
    await shoot(page, '02-allowlist');
    await portalShots(page);
    await page.getByRole('button', { name: 'Step 1 of 5: Welcome' }).click();
    await page.getByRole('button', { name: 'Try the sandbox enterprise' }).click();
    await page.getByRole('button', { name: 'Sign in with Box' }).waitFor();
    await shoot(page, '03-connect');
    await page.getByRole('button', { name: 'Sign in with Box' }).click();
    const authorizeUrl = (await page.getByTestId('authorize-link').getAttribute('href'))!;
    const control = new URL('/_sandbox', authorizeUrl).toString();
    const consent = await context.newPage();
    await consent.goto(authorizeUrl);
    await consent.getByRole('button', { name: 'Grant access to Box' }).click();
    await consent.close();
    await page.getByText('Connected.').first().waitFor();
    await shoot(page, '04-connected');
    await page.getByRole('button', { name: 'Next: Test the connection' }).click();
    await page.waitForTimeout(300);
    await shoot(page, '05-test');
    await helpDeskShots(page);
    if (helpDeskOnly) return;
    await page.getByRole('button', { name: 'Next: Start the scan' }).click();
    await shoot(page, '06-scan-start');

    // Slow the sandbox so the dashboard is caught mid-scan, with live activity.
    await post(control, '/faults', { latency_ms: 150 });
    await post(control, '/activity/stream', { per_second: 3 });
    await page.getByRole('button', { name: 'Start the scan', exact: true }).click();
    await page.getByTestId('count-scanned').waitFor();
    // Mid-scan: content is being inspected, files wait in the queue and some have jumped it.
    const count = async (id: string) => Number(((await page.getByTestId(id).textContent()) ?? '').replace(/\D/g, ''));
    while ((await count('count-scanned')) < 800 || (await page.getByTestId('jump').count()) < 2)
      await page.waitForTimeout(500);
    await shoot(page, '07-dashboard-running');
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(300);
    await shoot(page, '08-dashboard-running-lower');
    await post(control, '/faults', { latency_ms: 0 });
    await page.getByText('Scan complete').first().waitFor({ timeout: 450_000 });
    await page.mouse.wheel(0, -2000);
    await shoot(page, '09-dashboard-complete');
    // The content phase: by type, failed by reason, reused (the finished scan's toast closed: it
    // covered the panel's corner in the first shots).
    for (const close of await page.locator('.toast-close').all()) await close.click();
    await page.evaluate("document.querySelector('[data-testid=content-phase]').scrollIntoView({ block: 'center' })");
    await page.waitForTimeout(300);
    await shoot(page, '09b-dashboard-content');
    await page.getByRole('button', { name: 'Findings', exact: true }).click();
    await page.getByTestId('finding-row').first().waitFor();
    await shoot(page, '10-findings');
    // A file with sensitive data, its locations open (opened with the keyboard, as a user would).
    await page.getByRole('checkbox', { name: 'Only files with sensitive data' }).check();
    await page.getByRole('combobox', { name: /^Content/ }).selectOption('Completed');
    // A PDF, so the places are pages (the first shots opened a .txt: only "line N").
    await page.getByPlaceholder('Search by file name or owner').fill('.pdf');
    await page.getByTestId('findings-total').filter({ hasText: ' of ' }).waitFor();
    await page.waitForTimeout(500);
    await page.getByTestId('finding-row').first().locator('.row-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('locations').waitFor();
    await shoot(page, '10b-findings-locations');
    await page.keyboard.press('Escape');
    await page.getByPlaceholder('Search by file name or owner').fill('');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // Filtered by a reason: the dashboard's "failed, by reason" leads here too.
    await page.getByRole('combobox', { name: /^Reason/ }).selectOption({ label: 'Unsupported file type' });
    await page.waitForTimeout(500);
    await shoot(page, '10c-findings-reason');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('checkbox', { name: 'Public (Internet)' }).check();
    await page.waitForTimeout(500);
    await shoot(page, '11-findings-public');
    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    await page.getByTestId('activity-row').first().waitFor();
    await shoot(page, '12-activity');
    await page.getByRole('button', { name: 'About this installation' }).click();
    await shoot(page, '13-about');
    await post(control, '/activity/stream', { per_second: 0 });
    await policiesShots(page, control);
  } finally {
    await stopHarness(harness);
    temp.cleanup();
  }
}

void main().then(
  () => process.stdout.write(`screenshots in ${dir}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
