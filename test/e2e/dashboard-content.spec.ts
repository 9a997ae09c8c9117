/**
 * Issue 14's content phase on the dashboard, after a real scan of the in-app sandbox: files and
 * bytes inspected by type (the document formats among them), what failed and why, and each
 * reason leads to exactly the files Findings shows for it.
 */
import { expect, test } from './harness';
import { signInToSandbox, startScanFromFlow } from './support/first-run';

test.use({ viewport: { width: 1280, height: 800 } });

function number(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

test('the content phase shows files and bytes by type and failures by reason, each opening its files in Findings', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(600_000);
  await page.goto(harness.url);
  await signInToSandbox(page, context);
  await startScanFromFlow(page);
  await expect(page.getByTestId('scan-state')).toContainText('Scan complete', { timeout: 450_000 });

  const panel = page.getByRole('region', { name: 'Content inspected' });
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByTestId('content-inspected')).toHaveText(/^[\d,]+ files, [\d.,]+ (B|KB|MB|GB) read/);
  expect(
    number((await panel.getByTestId('content-inspected').locator('strong').textContent())!.split(',')[0]!),
  ).toBeGreaterThan(0);

  // By type: the document formats are read, each with its files and bytes.
  const byType = panel.getByRole('table').first();
  for (const ext of ['.pdf', '.docx', '.xlsx', '.pptx', '.zip', '.eml']) {
    const row = byType.getByRole('row', { name: new RegExp(`^\\${ext} `) });
    await expect(row).toHaveCount(1);
    expect(number(await row.getByRole('cell').nth(0).textContent())).toBeGreaterThan(0);
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^[\d.,]+ (B|KB|MB|GB)$/);
  }

  // Failed, by reason: the connector's labels; a reason opens Findings filtered to its files.
  const reasons = panel.getByTestId('content-failed').getByRole('listitem');
  expect(await reasons.count()).toBeGreaterThan(0);
  const first = reasons.first();
  const label = (await first.getByRole('button').textContent())!;
  const files = number(await first.locator('.num').textContent());
  expect(files).toBeGreaterThan(0);
  await first.getByRole('button').click();

  await expect(page.getByRole('heading', { name: 'Findings', exact: true })).toBeVisible();
  const select = page.getByRole('combobox', { name: /^Reason/ });
  await expect(select.locator('option:checked')).toHaveText(label);
  await expect(page.getByTestId('findings-total')).toHaveText(new RegExp(`^${files.toLocaleString('en-US')} of `));
  await expect(page.getByTestId('finding-row').first()).toBeVisible();
  await expect(page.getByTestId('finding-row-loading')).toHaveCount(0);
  for (const text of await page.locator('[data-testid="finding-row"] .vt-col-reason').allTextContents())
    expect(text).toBe(label);

  // The navigation's Findings is the whole list again.
  await page.getByRole('button', { name: 'Scan', exact: true }).click();
  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  await expect(page.getByRole('combobox', { name: /^Reason/ }).locator('option:checked')).toHaveText('Any reason');
});
