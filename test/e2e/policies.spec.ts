/**
 * Issue 17, acceptance 6, from the UI only (clicks and typing) against the in-app sandbox:
 * create a policy from a template while the scan runs and watch its count rise live (and the
 * new-match alert arrive), review the dry run (each file's exact change), confirm, watch the
 * progress (pause, resume), then undo one change and the rest of the run from the audit log.
 * Box's side is checked in the sandbox's ground truth after each step.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { signInToSandbox, startScanFromFlow } from './support/first-run';

test.use({ viewport: { width: 1280, height: 800 } });

interface TruthFile {
  id: string;
  trashed: boolean;
  shared_effective: string | null;
  expected_state: string | null;
  sensitive: { card: number } | null;
}

async function post(control: string, path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(answer.ok, `${path}: ${answer.status}`).toBe(true);
}

async function truthFiles(control: string): Promise<TruthFile[]> {
  const page = (await (await fetch(`${control}/truth/files?offset=0&limit=10000`)).json()) as { entries: TruthFile[] };
  return page.entries;
}

/** The file's shared link as Box holds it now (null: none). */
async function linkOf(control: string, fileId: string): Promise<string | null> {
  const file = (await (await fetch(`${control}/truth/files/${fileId}`)).json()) as {
    shared_link: { effective_access: string } | null;
  };
  return file.shared_link?.effective_access ?? null;
}

function number(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

async function matches(page: Page, policyId: string): Promise<number> {
  return number(await page.locator(`[data-policy-id="${policyId}"]`).getByTestId('policy-matches').textContent());
}

test('a policy from a template: live count, dry run, confirm, progress, undo from the audit log', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(600_000);
  await page.goto(harness.url);
  const control = await signInToSandbox(page, context);
  // Slow the sandbox so the policy is made while the scan is still finding files.
  await post(control, '/faults', { latency_ms: 100 });
  await startScanFromFlow(page);

  // Create from a template: the policy is listed with its live count, which rises as the scan goes.
  await page.getByRole('button', { name: /^Policies/ }).click();
  await expect(page.getByRole('heading', { name: 'Policies', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Create “Public files with card numbers”' }).click();
  const row = page.locator('[data-policy-id="public-card-numbers"]');
  await expect(row).toContainText('Public files with card numbers');
  await expect(row).toContainText('Remove the shared link');
  const early = await matches(page, 'public-card-numbers');
  await expect.poll(() => matches(page, 'public-card-numbers'), { timeout: 120_000 }).toBeGreaterThan(early);
  // New matches raise an alert (a toast for screen readers too) and the navigation's badge.
  await expect(page.getByTestId('toasts')).toContainText('for “Public files with card numbers”', { timeout: 30_000 });
  await expect(page.getByTestId('policies-badge')).toBeVisible();

  await post(control, '/faults', { latency_ms: 0 });
  await page.getByRole('button', { name: 'Scan', exact: true }).click();
  await expect(page.getByTestId('scan-state')).toContainText('Scan complete', { timeout: 450_000 });
  await page.getByRole('button', { name: /^Policies/ }).click();

  // The count agrees with Box's ground truth: open links on files holding a card number.
  const truth = (await truthFiles(control)).filter(
    (f) => !f.trashed && f.shared_effective === 'open' && (f.sensitive?.card ?? 0) > 0,
  );
  const completed = truth.filter((f) => f.expected_state === 'Completed').length;
  const readable = truth.filter((f) => f.expected_state === 'Completed' || f.expected_state === 'Partially scanned');
  await expect.poll(() => matches(page, 'public-card-numbers')).toBeGreaterThanOrEqual(Math.max(1, completed));
  const count = await matches(page, 'public-card-numbers');
  expect(count).toBeLessThanOrEqual(readable.length);

  // The dry run: the count, and each file's exact change; nothing changed in Box yet.
  await row.getByRole('button', { name: 'Dry run: Public files with card numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Dry run: Public files with card numbers' })).toBeVisible();
  await expect(page.getByTestId('review-count')).toHaveText(`${count.toLocaleString('en-US')} files would change.`);
  const reviewRows = page.getByTestId('review-row');
  await expect(reviewRows).toHaveCount(Math.min(count, 50));
  await expect(reviewRows.first()).toContainText('Remove the shared link');
  const planned: string[] = [];
  for (const reviewRow of await reviewRows.all()) planned.push((await reviewRow.getAttribute('data-file-id'))!);
  for (const id of planned.slice(0, 5)) expect(await linkOf(control, id)).toBe('open');

  // Confirm (typing the count above 100 files), slowed so the progress can be watched and paused.
  await post(control, '/faults', { latency_ms: 400 });
  const confirm = page.getByRole('button', { name: /^Confirm: change / });
  if (count > 100) {
    await expect(confirm).toBeDisabled();
    await page.getByLabel(/^To confirm, type the number of files/).fill(String(count));
  }
  await confirm.click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'applying');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'paused');
  await post(control, '/faults', { latency_ms: 0 });
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('run-done')).toHaveText(`${count} of ${count} files done`);
  const applied = number(await page.getByTestId('run-applied').textContent());
  expect(applied).toBeGreaterThan(0);
  for (const id of planned.slice(0, 5)) expect(await linkOf(control, id)).toBeNull();

  // The audit log: one row per file, before → after in words; undo one row, then the rest of the run.
  await page.getByRole('button', { name: 'Open the audit log' }).click();
  await expect(page.getByTestId('audit-total')).toHaveText(`${count} rows`);
  const firstRow = page.getByTestId('audit-row').filter({ hasText: 'anyone with the link → no shared link' }).first();
  const fileId = (await firstRow.getAttribute('data-file-id'))!;
  await firstRow.getByRole('button', { name: /^Undo the change to / }).click();
  await expect(page.locator(`[data-testid="audit-row"][data-file-id="${fileId}"]`).first()).toContainText('Undone', {
    timeout: 60_000,
  });
  await expect.poll(() => linkOf(control, fileId), { timeout: 30_000 }).toBe('open');

  await page.getByRole('button', { name: 'Undo this whole run' }).click();
  const undo = page.getByTestId('run-progress');
  await expect(undo.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  for (const id of planned) await expect.poll(() => linkOf(control, id)).toBe('open');
  await expect(page.getByTestId('audit-row').getByRole('button', { name: /^Undo the change to / })).toHaveCount(0);
});
