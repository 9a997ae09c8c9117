/**
 * Acceptance 2 of the app a person sees: the findings table filtered to "Public (Internet)"
 * shows exactly the sandbox's publicly shared files (after a real scan of the in-app sandbox),
 * and a million rows scroll to the end (a store seeded through the real scan store: scanning a
 * million files over HTTP takes far longer than a test may).
 */
import type { Page } from '@playwright/test';
import { buildEnterprise } from '../../main/core/sandbox/generator/enterprise';
import { fileIndexById, generateFile } from '../../main/core/sandbox/generator/files';
import { makeTempHome } from '../helpers/temp-home';
import { expect, startHarness, stopHarness, test } from './harness';
import { signInToSandbox, startScanFromFlow } from './support/first-run';
import { seedFindings } from './support/seed-findings';

test.use({ viewport: { width: 1280, height: 800 } });

// The page-side callbacks run in the browser; this test project has Node types, not the DOM's.
interface ScrollBox {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
  scrollTo(options: { top: number }): void;
  scrollBy(options: { top: number }): void;
}
interface Attributed {
  getAttribute(name: string): string | null;
}

/** Every file id the virtualised table holds, scrolling it from top to bottom. */
async function collectRowIds(page: Page): Promise<string[]> {
  const scroller = page.getByTestId('findings-scroll');
  const ids = new Set<string>();
  await scroller.evaluate((el) => (el as unknown as ScrollBox).scrollTo({ top: 0 }));
  for (;;) {
    await expect(page.getByTestId('finding-row-loading')).toHaveCount(0);
    for (const id of await page
      .getByTestId('finding-row')
      .evaluateAll((rows) => rows.map((r) => (r as unknown as Attributed).getAttribute('data-file-id')!)))
      ids.add(id);
    const atEnd = await scroller.evaluate((element) => {
      const el = element as unknown as ScrollBox;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollBy({ top: el.clientHeight - 30 });
      return false;
    });
    if (atEnd) return [...ids];
  }
}

test('filtered to "Public (Internet)", the table shows exactly the sandbox’s publicly shared files', async ({
  page,
  context,
  harness,
}) => {
  test.setTimeout(180_000);
  // Every OS notification the page asks for is recorded (and still shown): the window goes to
  // the background during the scan, so the scan's end must reach the admin outside the app too.
  await context.grantPermissions(['notifications']);
  await page.addInitScript(`{
    const Real = window.Notification;
    window.osNotifications = [];
    window.Notification = class extends Real {
      constructor(title, options) { super(title, options); window.osNotifications.push({ title, body: options?.body }); }
    };
  }`);
  await page.goto(harness.url);
  const control = await signInToSandbox(page, context);
  await startScanFromFlow(page);
  await page.evaluate('document.hasFocus = () => false'); // the admin switched to another window
  await expect(page.getByTestId('scan-state')).toContainText('Scan complete', { timeout: 150_000 });
  await expect(page.getByTestId('toasts')).toContainText(/Scan complete: [\d,]+ files scanned\./);
  expect(await page.evaluate('window.osNotifications')).toEqual([
    { title: 'Box Connect Companion', body: expect.stringMatching(/^Scan complete: [\d,]+ files scanned\.$/) },
  ]);

  // The ground truth: the sandbox's files whose shared link is open to anyone, without a password.
  const info = (await (await fetch(`${control}/info`)).json()) as { seed: number; users: number; files: number };
  const ent = buildEnterprise({ seed: info.seed, users: info.users, files: info.files, historyEnd: Date.now() });
  const truth = (await (await fetch(`${control}/truth/files?offset=0&limit=10000`)).json()) as {
    entries: Array<{ id: string; shared: string | null; trashed: boolean }>;
  };
  expect(truth.entries).toHaveLength(info.files);
  const expected = truth.entries
    .filter((f) => !f.trashed && f.shared === 'open')
    .filter((f) => {
      const link = generateFile(ent.space, fileIndexById(ent.space, f.id)).link;
      return link?.effectiveAccess === 'open' && !link.passwordEnabled;
    })
    .map((f) => f.id)
    .sort();
  expect(expected.length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  await expect(page.getByTestId('findings-total')).toContainText('files');
  await page.getByRole('checkbox', { name: 'Public (Internet)' }).check();
  await expect(page.getByTestId('findings-total')).toHaveText(
    `${expected.length.toLocaleString('en-US')} of ${info.files.toLocaleString('en-US')} files`,
  );
  await expect(page.getByTestId('access-count-Public (Internet)')).toHaveText(expected.length.toLocaleString('en-US'));
  const shown = await collectRowIds(page);
  expect(shown.sort()).toEqual(expected);
  // Every row on screen says so.
  for (const text of await page.locator('[data-testid="finding-row"] .vt-col-accessLevel').allTextContents())
    expect(text).toBe('Public (Internet)');
});

test('a million findings scroll to the end with the keyboard, a page at a time over the bridge', async ({ page }) => {
  test.setTimeout(240_000);
  const temp = makeTempHome('bcc-e2e-million-');
  seedFindings(temp.home, 1_000_000);
  const harness = await startHarness(temp.home);
  const calls: number[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
      const limit = /"call":"listFindings".*?"limit":(\d+)/.exec(text)?.[1];
      if (limit) calls.push(Number(limit));
    }),
  );
  try {
    await page.goto(harness.url);
    // A returning user lands on the dashboard.
    await expect(page.getByRole('button', { name: 'Scan', exact: true })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('button', { name: 'Findings', exact: true }).click();
    await expect(page.getByTestId('findings-total')).toHaveText('1,000,000 files', { timeout: 60_000 });
    await expect(page.getByTestId('finding-row').first()).toBeVisible({ timeout: 60_000 });

    const scroller = page.getByTestId('findings-scroll');
    await scroller.focus();
    await page.keyboard.press('End');
    const lastRow = page.locator('[role="row"][aria-rowindex="1000001"]');
    await expect(lastRow).toHaveAttribute('data-testid', 'finding-row', { timeout: 120_000 });
    await expect(lastRow).toBeInViewport();
    // Only the rows around the viewport exist in the DOM, and the bridge never carried more than a page.
    expect(await page.locator('[role="row"]').count()).toBeLessThan(80);
    expect(Math.max(...calls)).toBeLessThanOrEqual(200);
    // Sorted by access level (most exposed first), the last row is a private file.
    await expect(lastRow.locator('.vt-col-accessLevel')).toHaveText('Private');
  } finally {
    await stopHarness(harness);
    temp.cleanup();
  }
});
