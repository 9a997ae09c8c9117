/**
 * Screenshots of every screen, light and dark, at 1280×800, for looking at (not a test):
 *
 *   npm run build && node test/helpers/with-keyring.mjs npx tsx test/helpers/take-screenshots.ts [DIR]
 *
 * Drives the real app through the harness and the in-app sandbox; the scan is slowed with the
 * sandbox's latency fault so the dashboard is caught mid-scan. PNGs go to DIR (/tmp/shots-dashboard).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startHarness, stopHarness } from '../e2e/harness';
import { makeTempHome } from './temp-home';

const dir = process.argv[2] ?? '/tmp/shots-dashboard';
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

async function main(): Promise<void> {
  const temp = makeTempHome('bcc-shots-');
  const harness = await startHarness(temp.home);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
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
    // The content phase: by type, failed by reason, reused.
    await page.evaluate("document.querySelector('[data-testid=content-phase]').scrollIntoView({ block: 'center' })");
    await page.waitForTimeout(300);
    await shoot(page, '09b-dashboard-content');
    await page.getByRole('button', { name: 'Findings', exact: true }).click();
    await page.getByTestId('finding-row').first().waitFor();
    await shoot(page, '10-findings');
    // A file with sensitive data, its locations open (opened with the keyboard, as a user would).
    await page.getByRole('checkbox', { name: 'Only files with sensitive data' }).check();
    await page.getByRole('combobox', { name: /^Content/ }).selectOption('Completed');
    await page.getByTestId('findings-total').filter({ hasText: ' of ' }).waitFor();
    await page.waitForTimeout(500);
    await page.getByTestId('finding-row').first().locator('.row-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('locations').waitFor();
    await shoot(page, '10b-findings-locations');
    await page.keyboard.press('Escape');
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
  } finally {
    await browser.close();
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
