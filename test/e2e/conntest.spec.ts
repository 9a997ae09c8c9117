/**
 * The connection test in Chromium through the harness, on a co-admin sandbox: the checks
 * arrive one by one (seen through the progress events' arrival order and the list filling up
 * in steps), the co-admin explanation gives both ways forward, the result stays with its
 * time; "Copy diagnostics" puts a bundle without secrets on the clipboard. Then an allowlist
 * failure: its button opens the walkthrough at the data center's key.
 */
import type { Page } from '@playwright/test';
import { DATA_CENTERS } from '../../common/allowlist/data-centers';
import { CHECK_IDS } from '../../common/conntest';
import { expect, test } from './harness';

const EU1_KEY = DATA_CENTERS.find((d) => d.id === 'EU1')!.allowlistKey;

async function signInToSandbox(
  page: Page,
  role: 'Box Admin' | 'Co-Admin',
  context: import('@playwright/test').BrowserContext,
): Promise<string> {
  // The guided first run's stepper: step 3 is Connect.
  await page.getByRole('button', { name: 'Step 3 of 5: Connect to Box' }).click();
  await page.getByLabel('Sign in as').selectOption({ label: role });
  await page.getByRole('button', { name: 'Use the sandbox enterprise' }).click();
  await page.getByRole('button', { name: 'Sign in with Box' }).click();
  const authorizeUrl = (await page.getByTestId('authorize-link').getAttribute('href'))!;
  const tab = await context.newPage();
  await tab.goto(authorizeUrl);
  await tab.getByRole('button', { name: 'Grant access to Box' }).click();
  await expect(tab.getByRole('heading', { name: 'Signed in to Box' })).toBeVisible();
  await tab.close();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected.');
  return new URL(authorizeUrl).origin;
}

async function control(origin: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${origin}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

test('co-admin: the checks arrive one by one, the co-admin gap with both ways forward, and the last result kept', async ({
  page,
  context,
  harness,
}) => {
  await page.goto(harness.url);
  const origin = await signInToSandbox(page, 'Co-Admin', context);
  await expect(page.getByTestId('connected-role')).toHaveText('Co-Admin');
  // Each sandbox answer takes 100 ms, so the stages of the run are separate round trips.
  await control(origin, '/faults', { latency_ms: 100 });

  await page.getByRole('button', { name: 'Step 4 of 5: Test the connection' }).click();
  await expect(page.getByRole('heading', { name: 'Test the connection' })).toBeVisible();
  await expect(page.getByText('The connection has not been tested yet.')).toBeVisible();

  // Record every count of finished checks the list shows, as the DOM changes.
  // (A string: this project's Node types have no DOM.)
  await page.evaluate(`(() => {
    const seen = [];
    window.seenDone = seen;
    new MutationObserver(() => {
      const list = document.querySelector('[data-testid="checks"]');
      const done = list ? Number(list.getAttribute('data-done')) : -1;
      if (done >= 0 && seen.at(-1) !== done) seen.push(done);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done'] });
  })()`);
  await page.getByRole('button', { name: 'Run the test' }).click();
  // The run's own budget is 8 s; allow for a loaded machine.
  await expect(page.getByTestId('conntest-verdict')).toContainText('The connection will not give full coverage.', {
    timeout: 15_000,
  });

  // Incremental: the list filled up in several steps, never going back, ending with all eleven
  // (the network path, then the ten checks of the Box side).
  const seen = (await page.evaluate('window.seenDone')) as number[];
  expect(seen.at(-1)).toBe(11);
  expect(seen.filter((n) => n > 0 && n < 11).length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);

  // Ordering, from the progress events: the sign-in first (the network path's request runs beside
  // it), As-User after the user list and the activity log it needs, headroom and the sign-in's
  // lifetime last.
  const arrival: Record<string, number> = {};
  for (const id of CHECK_IDS) {
    arrival[id] = Number(await page.getByTestId(`check-${id}`).getAttribute('data-arrival'));
  }
  expect(Object.values(arrival).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect([arrival.network, arrival.token].sort()).toEqual([1, 2]);
  expect([arrival.role, arrival.enterprise, arrival.app]).toEqual([3, 4, 5]);
  expect(arrival.as_user).toBeGreaterThan(Math.max(arrival.users!, arrival.admin_logs!));
  expect(arrival.files).toBeGreaterThan(arrival.users!);
  expect([arrival.headroom, arrival.sign_in_lifetime]).toEqual([10, 11]);

  // The co-admin explanation, with both ways forward.
  const role = page.getByTestId('check-role');
  await expect(role).toHaveAttribute('data-status', 'fail');
  await expect(role.getByTestId('check-status')).toHaveText('Fail');
  await expect(role).toContainText('fails for co-admins even with every privilege ticked');
  await expect(role).toContainText(
    'files owned by other admins (the primary admin and the other co-admins) will not be scanned',
  );
  await expect(role).toContainText('(1) connect as the primary Box Admin instead');
  await expect(role).toContainText('(2) keep this co-admin connection and accept the gap');
  const asUser = page.getByTestId('check-as_user');
  await expect(asUser).toHaveAttribute('data-status', 'fail');
  await expect(asUser).toContainText(/\d+ users fall outside the scan/);
  await expect(asUser).toContainText(/\d+ of their files had activity in the last 7 days and will not be scanned/);
  // Box's evidence is shown for the failure: the 403 and its request id.
  await expect(asUser.getByRole('table')).toContainText('HTTP 403 access_denied_insufficient_permissions');
  for (const id of ['token', 'enterprise', 'app', 'admin_logs', 'users', 'files'])
    await expect(page.getByTestId(`check-${id}`)).toHaveAttribute('data-status', 'pass');

  // The last result stays with its time, also after leaving the screen; "Test again" is offered.
  await expect(page.getByTestId('conntest-last')).toContainText('Last tested');
  await page.getByRole('button', { name: 'Step 3 of 5: Connect to Box' }).click();
  await page.getByRole('button', { name: 'Step 4 of 5: Test the connection' }).click();
  await expect(page.getByTestId('conntest-verdict')).toContainText('The connection will not give full coverage.');
  await expect(page.getByTestId('check-role')).toContainText('fails for co-admins');
  await expect(page.getByRole('button', { name: 'Test again' })).toBeEnabled();

  // "Copy diagnostics": the bundle on the clipboard holds this test, and none of the tokens the
  // sandbox issued nor its client secret.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  await page.getByRole('button', { name: 'Copy diagnostics' }).first().click();
  await expect(page.getByText('Diagnostics copied.')).toBeVisible();
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toContain('box-connect-companion-diagnostics');
  expect(copied).toContain('access_denied_insufficient_permissions');
  const tokens = (await (await fetch(`${origin}/_sandbox/tokens`)).json()) as { entries: { token: string }[] };
  const { clientSecret } = (await (await fetch(`${origin}/_sandbox/info`)).json()) as { clientSecret: string };
  expect(tokens.entries.length).toBeGreaterThanOrEqual(2);
  for (const { token } of tokens.entries) expect(copied.includes(token)).toBe(false);
  expect(copied).not.toContain(clientSecret);
});

test('allowlist failure: the app check opens the walkthrough at the key for the chosen data center', async ({
  page,
  context,
  harness,
}) => {
  await page.goto(harness.url);
  // The admin chose EU1 in the walkthrough earlier.
  await page.getByRole('button', { name: 'Use my Box' }).click();
  await page.getByRole('radio', { name: /EU1/ }).check();
  const origin = await signInToSandbox(page, 'Box Admin', context);
  // The enterprise then disables unpublished apps without allowlisting this one.
  await control(origin, '/enterprise', { restrict_unpublished: true, allowed_client_ids: [] });

  await page.getByRole('button', { name: 'Step 4 of 5: Test the connection' }).click();
  await page.getByRole('button', { name: 'Run the test' }).click();
  const app = page.getByTestId('check-app');
  await expect(app).toHaveAttribute('data-status', 'fail', { timeout: 15_000 });
  await expect(app).toContainText('Unauthorized - Cannot authorize with this service');
  await expect(app).toContainText(`For EU1 (Europe) the connector's key is ${EU1_KEY}`);
  await app.getByRole('button', { name: 'Open the allowlist step' }).click();
  await expect(page.getByRole('heading', { name: 'Allowlist the connector in Box' })).toBeVisible();
  await expect(page.locator('#key-heading')).toBeFocused();
  await expect(page.getByTestId('allowlist-key')).toHaveText(EU1_KEY);
});
