/**
 * Issue 14's Findings, as an admin uses them after a real scan of the in-app sandbox: a reason
 * narrows the rows to the files that failed for it (and composes with the other filters), and a
 * row opens where each detector matched, every value masked; Escape closes, by keyboard or mouse.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { signInToSandbox, startScanFromFlow } from './support/first-run';

test.use({ viewport: { width: 1280, height: 800 } });

/** The places the extractor names (t14-common: page, paragraph, cell, slide, line, body, archive entries). */
const WHERE = /^(?:.+ › )*(?:page \d+|paragraph \d+|[^!]+![A-Z]+\d+|slide \d+|line \d+|body|attachment .+)$/;

function count(text: string | null): number {
  return Number((text ?? '').split(' of ')[0]!.replace(/\D/g, ''));
}

async function scannedFindings(page: Page, context: Parameters<typeof signInToSandbox>[1]): Promise<number> {
  await signInToSandbox(page, context);
  await startScanFromFlow(page);
  await expect(page.getByTestId('scan-state')).toContainText('Scan complete', { timeout: 450_000 });
  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  await expect(page.getByTestId('findings-total')).toHaveText(/^[\d,]+ files$/);
  return count(await page.getByTestId('findings-total').textContent());
}

/** Every masked value keeps at most its last 4 letters or digits, and hides the rest. */
async function expectMasked(locations: Locator): Promise<void> {
  const n = await locations.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const where = (await locations.nth(i).locator('.where').textContent()) ?? '';
    const masked = (await locations.nth(i).locator('.masked').textContent()) ?? '';
    expect(where).toMatch(WHERE);
    expect(masked).toContain('•');
    expect(masked.replace(/[^A-Za-z0-9]/g, '').length).toBeLessThanOrEqual(4);
  }
}

test('a reason narrows Findings to the files that failed for it, and composes with the other filters', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(600_000);
  await page.goto(harness.url);
  const all = await scannedFindings(page, context);
  const total = page.getByTestId('findings-total');

  await page.getByRole('combobox', { name: /^Reason/ }).selectOption({ label: 'File is encrypted' });
  await expect(total).toHaveText(new RegExp(` of ${all.toLocaleString('en-US')} files$`));
  const encrypted = count(await total.textContent());
  expect(encrypted).toBeGreaterThan(0);
  expect(encrypted).toBeLessThan(all);
  await expect(page.getByTestId('finding-row').first()).toBeVisible();
  await expect(page.getByTestId('finding-row-loading')).toHaveCount(0);
  for (const text of await page.locator('[data-testid="finding-row"] .vt-col-reason').allTextContents())
    expect(text).toBe('File is encrypted');
  for (const text of await page.locator('[data-testid="finding-row"] .vt-col-inspection').allTextContents())
    expect(text).toMatch(/^Failed/);

  // With a content state that contradicts it, nothing is left; clearing brings every file back.
  await page.getByRole('combobox', { name: /^Content/ }).selectOption('Completed');
  await expect(total).toHaveText(`0 of ${all.toLocaleString('en-US')} files`);
  await expect(page.getByText('No file matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(total).toHaveText(`${all.toLocaleString('en-US')} files`);

  // Completed files say how their text was read.
  await page.getByRole('combobox', { name: /^Content/ }).selectOption('Completed');
  await expect(total).toHaveText(new RegExp(` of ${all.toLocaleString('en-US')} files$`));
  await expect(page.getByTestId('finding-row').first()).toBeVisible();
  await expect(page.getByTestId('finding-row-loading')).toHaveCount(0);
  const methods = await page.locator('[data-testid="finding-row"] .vt-col-reason').allTextContents();
  expect(methods.length).toBeGreaterThan(0);
  for (const text of methods) expect(['read locally', 'Box text']).toContain(text);
});

test('a row opens where its sensitive data is, masked; Escape closes it; the mouse opens another', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(600_000);
  await page.goto(harness.url);
  await scannedFindings(page, context);
  await page.getByLabel('Only files with sensitive data').check();
  await page.getByRole('combobox', { name: /^Content/ }).selectOption('Completed');
  await expect(page.getByTestId('findings-total')).toHaveText(/ of /);
  await expect(page.getByTestId('finding-row').nth(1)).toBeVisible();
  await expect(page.getByTestId('finding-row-loading')).toHaveCount(0);

  // Keyboard: the file's name is the row's button.
  const first = page.getByTestId('finding-row').first();
  const name = (await first.locator('.vt-col-name').textContent())!;
  const counts = (await first.locator('.vt-col-inspection').textContent())!;
  const open = first.getByRole('button', { name: `${name}: show where its sensitive data is` });
  await open.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Where the sensitive data is' });
  await expect(panel).toBeVisible();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByTestId('locations-file')).toHaveText(name);
  await expect(panel.getByTestId('locations-state')).toHaveText('Completed');
  // Each detector the row counts has its section, with as many places as found (up to 5).
  for (const [, n, kind] of counts.matchAll(/(\d+) (card|IBAN|SSN|NI number|email)s?/g)) {
    const id = { card: 'card', IBAN: 'iban', SSN: 'ssn', 'NI number': 'nino', email: 'email' }[kind!]!;
    const section = panel.getByTestId(`locations-${id}`);
    await expect(section.getByTestId('location')).toHaveCount(Math.min(5, Number(n)));
    await expectMasked(section.getByTestId('location'));
  }
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');

  // Mouse: a click anywhere on another row opens that one.
  const second = page.getByTestId('finding-row').nth(1);
  const secondName = (await second.locator('.vt-col-name').textContent())!;
  await second.locator('.vt-col-status').click();
  await expect(panel.getByTestId('locations-file')).toHaveText(secondName);
  await expectMasked(panel.getByTestId('location'));
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toHaveCount(0);
});
