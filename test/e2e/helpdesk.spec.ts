/**
 * The help desk (acceptance 5): a diagnostics file saved on one home (a co-admin sandbox with
 * failing checks, their evidence and fixes) opens read-only on another home, through Help desk
 * → Open a diagnostics file, on the connection test screen itself: the same checks, evidence and
 * fixes, marked "From <machine>, <time>", with no buttons that act. The support code shown on
 * the first home's test screen, typed on the second, gives the same summary; a mistyped code is
 * refused with what is wrong.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { hostname } from 'node:os';
import { makeTempHome } from '../helpers/temp-home';
import { CHECK_IDS } from '../../common/conntest';
import { expect, startHarness, stopHarness, test } from './harness';

async function signInAsCoAdmin(page: Page, context: BrowserContext): Promise<void> {
  await page.getByRole('button', { name: 'Step 3 of 5: Connect to Box' }).click();
  await page.getByLabel('Sign in as').selectOption({ label: 'Co-Admin' });
  await page.getByRole('button', { name: 'Use the sandbox enterprise' }).click();
  await page.getByRole('button', { name: 'Sign in with Box' }).click();
  const authorizeUrl = (await page.getByTestId('authorize-link').getAttribute('href'))!;
  const tab = await context.newPage();
  await tab.goto(authorizeUrl);
  await tab.getByRole('button', { name: 'Grant access to Box' }).click();
  await expect(tab.getByRole('heading', { name: 'Signed in to Box' })).toBeVisible();
  await tab.close();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected.');
}

async function fixWithoutButtons(check: Locator): Promise<string | null> {
  const fix = check.locator('.check-fix');
  if ((await fix.count()) === 0) return null;
  const whole = (await fix.textContent()) ?? '';
  const buttons = check.locator('.check-fix .button-row');
  return (await buttons.count()) ? whole.replace((await buttons.textContent()) ?? '', '') : whole;
}

/** What a check shows: status, what was found, the fix (without its buttons), every evidence row. */
async function shownCheck(check: Locator) {
  return {
    status: await check.getAttribute('data-status'),
    statusText: await check.getByTestId('check-status').textContent(),
    summary: await check.locator('.check-summary').textContent(),
    fix: await fixWithoutButtons(check),
    evidence: await check.locator('.evidence tbody tr').allTextContents(),
  };
}

test('a bundle saved on one home opens read-only on another with the same checks, evidence and fixes; the support code reads back', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(120_000);
  await page.goto(harness.url);
  await signInAsCoAdmin(page, context);
  await page.getByRole('button', { name: 'Step 4 of 5: Test the connection' }).click();
  await page.getByRole('button', { name: 'Run the test' }).click();
  await expect(page.getByTestId('conntest-verdict')).toContainText('The connection will not give full coverage.', {
    timeout: 20_000,
  });
  const code = (await page.getByTestId('support-code').textContent())!;
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  const admin: Record<string, Awaited<ReturnType<typeof shownCheck>>> = {};
  for (const id of CHECK_IDS) admin[id] = await shownCheck(page.getByTestId(`check-${id}`));
  expect(admin.role!.status).toBe('fail');
  expect(admin.as_user!.evidence.join(' ')).toContain('HTTP 403');
  await page.getByRole('button', { name: 'Save diagnostics file' }).click();
  const saved = (await page.getByText(/^Diagnostics saved to /).textContent())!;
  const path = /^Diagnostics saved to (.+?)\. Tokens/.exec(saved)![1]!;

  // Another home: the help desk's own computer, never signed in.
  const other = makeTempHome('bcc-e2e-helpdesk-');
  const helpDesk = await startHarness(other.home);
  try {
    const desk = await context.newPage();
    await desk.goto(helpDesk.url);
    await desk.getByRole('button', { name: 'Help desk' }).click();

    // A file that is not a bundle first: refused, saying why.
    await desk.getByLabel('Diagnostics file', { exact: true }).setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(desk.getByTestId('bundle-problem')).toContainText(
      'notes.json cannot be opened as a diagnostics file: it is JSON, but not a Box Connect Companion diagnostics file',
    );

    await desk.getByLabel('Diagnostics file', { exact: true }).setInputFiles(path);
    const view = desk.getByTestId('bundle-view');
    await expect(view).toBeVisible();
    await expect(view.getByTestId('bundle-origin')).toContainText(`From ${hostname()}, `);
    await expect(view.getByTestId('conntest-verdict')).toContainText('The connection will not give full coverage.');
    await expect(view.getByTestId('support-code')).toHaveText(code);
    for (const id of CHECK_IDS) expect(await shownCheck(view.getByTestId(`check-${id}`)), id).toEqual(admin[id]);
    // Read-only: nothing that would act on the help desk's computer.
    await expect(view.getByRole('button')).toHaveCount(0);
    await desk.getByRole('button', { name: 'Close the file' }).click();

    // The code read out on the phone.
    const swapped = code.slice(0, 1) + code.slice(2, 3) + code.slice(1, 2) + code.slice(3);
    await desk.getByLabel('Support code', { exact: true }).fill(swapped);
    await desk.getByRole('button', { name: 'Read the code' }).click();
    await expect(desk.getByTestId('support-code-problem')).toContainText('typing mistake');
    await desk.getByLabel('Support code', { exact: true }).fill(code.toLowerCase());
    await desk.getByRole('button', { name: 'Read the code' }).click();
    const summary = desk.getByTestId('support-summary');
    await expect(summary.getByTestId('support-connection')).toHaveText('Connected to Box');
    await expect(summary.getByTestId('support-verdict')).toContainText('The connection test failed');
    for (const id of CHECK_IDS) {
      const expected = admin[id]!.statusText!.includes('(') ? 'not_run' : admin[id]!.status;
      await expect(summary.getByTestId(`support-check-${id}`)).toHaveAttribute('data-result', expected!);
    }
    await desk.close();
  } finally {
    await stopHarness(helpDesk);
    other.cleanup();
  }
});
