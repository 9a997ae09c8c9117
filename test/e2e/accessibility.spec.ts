/**
 * Accessibility by test, not by luck: axe-core's WCAG 2.2 A/AA rules over every screen of the
 * app (the guided first run, the dashboard mid-scan and finished with its content phase,
 * findings, with a row's locations open and filtered by a reason, activity, the Policies screen
 * (list, editor with its preview, dry run, a finished run, audit log, alerts), about),
 * each in the light and the dark scheme. Any serious or critical violation fails the run and is
 * printed with the elements it was found on; lesser ones are printed only.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { signInToSandbox } from './support/first-run';

test.use({ viewport: { width: 1280, height: 800 } });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  screen: string;
  scheme: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on what the page shows now, once per colour scheme, and records every violation. */
async function audit(page: Page, screen: string, found: Finding[]): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // With the theme on 'system' the app resolves the OS scheme onto <html data-theme>: wait
    // until it has, so the page's colours follow it. (A string: this test project has Node types,
    // not the DOM's.)
    await expect.poll(() => page.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe(scheme);
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    for (const violation of result.violations) {
      found.push({
        screen,
        scheme,
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function report(found: Finding[]): string {
  return found
    .map((f) => `[${f.impact}] ${f.screen} (${f.scheme}): ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n');
}

async function post(control: string, path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(answer.ok).toBe(true);
}

async function count(page: Page, testId: string): Promise<number> {
  return Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/\D/g, ''));
}

/** The Policies screen: the list, the editor (with a rejected field), a dry run and its finished run, the audit log, the alerts. */
async function policiesAudits(page: Page, found: Finding[]): Promise<void> {
  await page.getByRole('button', { name: /^Policies/ }).click();
  await page.getByRole('button', { name: 'Create “Public files with card numbers”' }).click();
  await page.locator('[data-policy-id="public-card-numbers"]').waitFor();
  await audit(page, 'policies', found);
  await page.getByRole('button', { name: 'Edit Public files with card numbers' }).click();
  await expect(page.getByTestId('preview-total')).toContainText('files match');
  await page.getByLabel('Folder path starts with').fill('Finance');
  await expect(page.getByText('a folder path starting with /').first()).toBeVisible();
  await audit(page, 'policy editor', found);
  await page.getByRole('button', { name: 'Back to the policies' }).click();
  await page.getByRole('button', { name: 'Dry run: Public files with card numbers' }).click();
  await expect(page.getByTestId('review-row').first()).toBeVisible();
  await audit(page, 'dry run', found);
  const confirmCount = page.getByLabel(/^To confirm, type the number of files/);
  if (await confirmCount.count()) await confirmCount.fill(String(await count(page, 'review-count')));
  await page.getByRole('button', { name: /^Confirm: change / }).click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await audit(page, 'run done', found);
  await page.getByRole('button', { name: 'Open the audit log' }).click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await audit(page, 'audit log', found);
  await page.getByRole('button', { name: /^Alerts/ }).click();
  await expect(page.getByRole('heading', { name: 'Alerts', exact: true })).toBeVisible();
  await audit(page, 'alerts', found);
}

test('no serious or critical WCAG 2.2 A/AA violation on any screen, light or dark', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(600_000);
  const found: Finding[] = [];
  await page.goto(harness.url);

  await page.getByRole('button', { name: 'Try the sandbox enterprise' }).waitFor();
  await audit(page, 'welcome', found);

  await page.getByRole('button', { name: 'Step 2 of 5: Allowlist' }).click();
  await page.getByRole('radio', { name: 'US2 (United States)' }).check();
  await page.getByRole('radio', { name: /An entry called “Platform”/ }).check();
  await expect(page.getByRole('heading', { name: /^4\. Steps for the/ })).toBeVisible();
  await audit(page, 'walkthrough', found);
  await page.getByRole('radio', { name: /“Microsoft Defender” at the top/ }).check();
  await page.getByRole('checkbox', { name: /^Portal step 1:/ }).check();
  await audit(page, 'walkthrough, portal steps', found);

  await page.getByRole('button', { name: 'Step 1 of 5: Welcome' }).click();
  const control = await signInToSandbox(page, context);
  await audit(page, 'connect (connected)', found);

  await page.getByRole('button', { name: 'Next: Test the connection' }).click();
  await page.getByRole('button', { name: 'Run the test' }).click();
  await expect(page.getByTestId('conntest-verdict')).toBeVisible({ timeout: 30_000 });
  await audit(page, 'connection test', found);

  await page.getByRole('button', { name: 'Save diagnostics file' }).click();
  const saved = (await page.getByText(/^Diagnostics saved to /).textContent())!;
  const code = (await page.getByTestId('support-code').textContent())!;
  await page.getByRole('button', { name: 'Help desk', exact: true }).click();
  await audit(page, 'help desk', found);
  await page.getByLabel('Support code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Read the code' }).click();
  await page.getByTestId('support-summary').waitFor();
  await audit(page, 'help desk, support code', found);
  await page.getByLabel('Support code', { exact: true }).fill('1ABC');
  await page.getByRole('button', { name: 'Read the code' }).click();
  await page.getByTestId('support-code-problem').waitFor();
  await audit(page, 'help desk, mistyped code', found);
  await page
    .getByLabel('Diagnostics file', { exact: true })
    .setInputFiles(/^Diagnostics saved to (.+?)\. Tokens/.exec(saved)![1]!);
  await page.getByTestId('bundle-view').waitFor();
  await audit(page, 'help desk, diagnostics file', found);
  await page.getByRole('button', { name: 'Close the file' }).click();
  await page.getByRole('button', { name: 'Set-up', exact: true }).click();

  await page.getByRole('button', { name: 'Next: Start the scan' }).click();
  await audit(page, 'scan start', found);

  // Slow the sandbox so the dashboard is caught mid-scan, with the coverage table filled.
  await post(control, '/faults', { latency_ms: 150 });
  await page.getByRole('button', { name: 'Start the scan', exact: true }).click();
  await expect(page.getByTestId('coverage-table')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => count(page, 'count-scanned'), { timeout: 60_000 }).toBeGreaterThan(50);
  await audit(page, 'dashboard mid-scan', found);

  await post(control, '/faults', { latency_ms: 0 });
  await expect(page.getByTestId('scan-state')).toContainText('Scan complete', { timeout: 450_000 });
  await expect(page.getByTestId('content-phase')).toBeVisible();
  await audit(page, 'dashboard finished', found);

  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  await page.getByTestId('finding-row').first().waitFor();
  await audit(page, 'findings', found);

  // A row's locations open beside the table (keyboard), then the list filtered by a reason.
  await page.getByLabel('Only files with sensitive data').check();
  await expect(page.getByTestId('findings-total')).toContainText(' of ');
  await page.getByTestId('finding-row').first().locator('.row-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('locations')).toBeVisible();
  await audit(page, 'findings with locations open', found);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: /^Reason/ }).selectOption({ label: 'Unsupported file type' });
  await audit(page, 'findings by reason', found);

  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  await page.getByTestId('activity-row').first().waitFor();
  await audit(page, 'activity', found);

  await policiesAudits(page, found);

  await page.getByRole('button', { name: 'About this installation' }).click();
  await audit(page, 'about', found);

  const blocking = found.filter((f) => BLOCKING.has(f.impact));
  const minor = found.filter((f) => !BLOCKING.has(f.impact));
  if (minor.length) console.log(`axe: ${minor.length} minor or moderate violation(s), not blocking:\n${report(minor)}`);
  expect(blocking, `axe found serious or critical violations:\n${report(blocking)}`).toEqual([]);
});
