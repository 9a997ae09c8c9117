/**
 * Acceptance 1 of the app a person sees: from the first launch's Welcome to a running scan with
 * clicks and typing only, against the in-app sandbox with live activity. The counters rise; an
 * edit injected through the sandbox's control API shows in "Jumped the queue" and then as
 * scanned; an injected preview does not jump (and Activity marks it read-only).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './harness';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(180_000);

async function post(control: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${control}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return response.json();
}

async function counter(page: Page, key: string): Promise<number> {
  return Number((await page.getByTestId(`count-${key}`).textContent())!.replace(/\D/g, ''));
}

test('first run: Welcome → sandbox → sign in → test → scan; the dashboard follows the scan and its queue live', async ({
  page,
  context,
  harness,
}) => {
  await page.goto(harness.url);

  // Welcome: the stepper shows step 1 of 5.
  await expect(page.getByRole('button', { name: 'Step 1 of 5: Welcome' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Try the sandbox enterprise' }).click();

  // Connect: the sandbox is ready; sign in through Box's consent page in another tab.
  await expect(page.getByRole('button', { name: 'Step 3 of 5: Connect to Box' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByText(/The sandbox enterprise is running \(seed 1/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: Test the connection' })).toBeDisabled();
  await page.getByRole('button', { name: 'Sign in with Box' }).click();
  const authorizeUrl = (await page.getByTestId('authorize-link').getAttribute('href'))!;
  const consent = await context.newPage();
  await consent.goto(authorizeUrl);
  await consent.getByRole('button', { name: 'Grant access to Box' }).click();
  await consent.close();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected.');
  // The header shows the connection and when the sign-in expires.
  await expect(page.getByTestId('connection-badge')).toContainText('Connected');
  await expect(page.getByTestId('badge-expiry')).toContainText(/sign-in expires \d{4}-\d{2}-\d{2}/);

  // Live activity in the sandbox from here on (about one event a second).
  const control = new URL('/_sandbox', authorizeUrl).toString();
  await post(control, '/activity/stream', { per_second: 1 });

  await page.getByRole('button', { name: 'Next: Test the connection' }).click();
  await expect(page.getByRole('button', { name: 'Step 4 of 5: Test the connection' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  // Back works, and so does Next again.
  await page.getByRole('button', { name: 'Back: Connect to Box' }).click();
  await expect(page.getByRole('button', { name: 'Step 3 of 5: Connect to Box' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await page.getByRole('button', { name: 'Next: Test the connection' }).click();
  await page.getByRole('button', { name: 'Next: Start the scan' }).click();

  // Scan: choose the history by clicking, then start.
  await page.getByRole('radio', { name: 'The last 7 days (recommended)' }).check();
  await page.getByRole('button', { name: 'Start the scan', exact: true }).click();

  // The dashboard: the counters rise while the scan runs.
  await expect(page.getByRole('heading', { name: 'Scan', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scan', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => counter(page, 'discovered')).toBeGreaterThan(0);
  const early = await counter(page, 'scanned');
  await expect.poll(() => counter(page, 'scanned'), { timeout: 60_000 }).toBeGreaterThan(early);
  await expect.poll(() => counter(page, 'users')).toBeGreaterThan(0);
  await expect(page.getByTestId('phase-timeline')).toBeVisible();

  // Pick two files from the sandbox's ground truth: one to edit, one to preview.
  const truth = (await (await fetch(`${control}/truth/files?offset=0&limit=200`)).json()) as {
    entries: Array<{ id: string; trashed: boolean }>;
  };
  const [edited, previewed, marker] = truth.entries
    .filter((f) => !f.trashed)
    .slice(100, 103)
    .map((f) => f.id);

  await post(control, '/activity', { file_id: previewed, event_type: 'PREVIEW' });
  await post(control, '/activity', { file_id: edited, event_type: 'EDIT' });
  const jump = page.locator(`[data-testid="jump"][data-file-id="${edited}"]`).first();
  await expect(jump).toBeVisible({ timeout: 30_000 });
  await expect(jump).toContainText('Edited by');
  await expect(jump.getByTestId('jump-state')).toContainText(/scanned \d/, { timeout: 30_000 });

  // An edit injected after the preview has jumped: the preview was seen by then, and did not jump.
  await post(control, '/activity', { file_id: marker, event_type: 'EDIT' });
  await expect(page.locator(`[data-testid="jump"][data-file-id="${marker}"]`).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`[data-testid="jump"][data-file-id="${previewed}"]`)).toHaveCount(0);

  // Activity lists the preview, marked as not changing the scan's priority.
  await page.getByRole('button', { name: 'Activity', exact: true }).click();
  await page.getByLabel('File ID').fill(previewed!);
  await page.getByLabel('Event type').selectOption('PREVIEW');
  const row = page.getByTestId('activity-row').first();
  await expect(row).toContainText('PREVIEW');
  await expect(row).toContainText('Read-only: does not change scan priority');

  await post(control, '/activity/stream', { per_second: 0 });
});
