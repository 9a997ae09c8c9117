import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startHarness, stopHarness, test } from './harness';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('the built UI shows what the real core reports over the bridge', async ({ page, harness }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(harness.url);

  await expect(page.getByRole('heading', { name: 'Box Connect Companion' })).toBeVisible();
  await page.getByRole('button', { name: 'About this installation' }).click();
  await expect(page.getByTestId('app-version')).toHaveText(pkg.version);
  await expect(page.getByTestId('app-runtime')).toHaveText('harness');
  await expect(page.getByTestId('app-home')).toHaveText(harness.home);
  // The tests run inside a private gnome-keyring, so the core finds a keychain.
  await expect(page.getByTestId('keychain-status')).toContainText('Available');
  // The bridge token is gone from the address bar once read.
  expect(page.url()).not.toContain('bridge-token');
  // Nothing was fetched from anywhere but the app itself.
  const origin = new URL(harness.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
});

test('a change made in the UI goes through the core, persists, and comes back after a restart', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'About this installation' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => JSON.parse(readFileSync(join(harness.home, 'settings.json'), 'utf8')).theme).toBe('dark');

  expect(await stopHarness(harness)).toBe(0);
  const again = await startHarness(harness.home);
  try {
    await page.goto(again.url);
    await page.getByRole('button', { name: 'About this installation' }).click();
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
  } finally {
    await stopHarness(again);
  }
});

test('the page refuses to start without the bridge token, and the bridge refuses such a client', async ({
  page,
  harness,
}) => {
  const origin = new URL(harness.url).origin;
  await page.goto(origin + '/');
  await expect(page.getByRole('alert')).toContainText('must be opened by Box Connect Companion');
  const refused = await page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve(false);
        socket.onerror = () => resolve(true);
      }),
    origin.replace('http', 'ws') + '/bridge?token=guess',
  );
  expect(refused).toBe(true);
});
