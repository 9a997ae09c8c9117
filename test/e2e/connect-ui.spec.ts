/**
 * Sign-in from the UI (harness) against the in-app sandbox enterprise: choose the sandbox, press
 * "Sign in with Box", follow the waiting screen's link in Chromium, grant access, and see
 * Connected as the sandbox admin, with the tokens in gnome-keyring and in no file.
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from './harness';
import { readAllFiles } from '../helpers/temp-home';

test('connect from the UI: sandbox, consent in Chromium, Connected as the admin, tokens only in the keychain', async ({
  page,
  context,
  harness,
}) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Connect to Box' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Not connected.');
  await page.getByRole('button', { name: 'Use the sandbox enterprise' }).click();
  await expect(page.getByText(/The sandbox enterprise is running \(seed 1/)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in with Box' }).click();

  // The waiting screen: what to do, the link, the "Disabled by Administrator" explanation, Cancel.
  await expect(page.getByTestId('connection-status')).toContainText('Waiting for the browser');
  await expect(
    page.getByText('Box shows “Disabled by Administrator”, or any page other than the consent?'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open the allowlist step' })).toBeVisible();
  const authorizeUrl = await page.getByTestId('authorize-link').getAttribute('href');
  expect(authorizeUrl).toContain('code_challenge=');

  const browserTab = await context.newPage();
  await browserTab.goto(authorizeUrl!);
  await browserTab.getByRole('button', { name: 'Grant access to Box' }).click();
  await expect(browserTab.getByRole('heading', { name: 'Signed in to Box' })).toBeVisible();
  expect(browserTab.url()).not.toContain('code=');

  await expect(page.getByTestId('connection-status')).toHaveText('Connected.');
  await expect(page.getByTestId('connected-role')).toHaveText('Box Admin');
  await expect(page.getByTestId('connection-badge')).toContainText('Connected');

  const { clientId } = JSON.parse(await (await fetch(new URL('/_sandbox/info', authorizeUrl!))).text()) as {
    clientId: string;
  };
  const stored = execFileSync(
    'secret-tool',
    ['lookup', 'service', process.env.BOX_COMPANION_KEYCHAIN_SERVICE!, 'account', `tokens:${clientId}`],
    { encoding: 'utf8' },
  );
  const { accessToken, refreshToken } = JSON.parse(stored) as { accessToken: string; refreshToken: string };
  for (const file of readAllFiles(harness.home)) {
    expect(file.bytes.includes(Buffer.from(accessToken)), file.path).toBe(false);
    expect(file.bytes.includes(Buffer.from(refreshToken)), file.path).toBe(false);
  }

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Not connected.');
  expect(() =>
    execFileSync('secret-tool', [
      'lookup',
      'service',
      process.env.BOX_COMPANION_KEYCHAIN_SERVICE!,
      'account',
      `tokens:${clientId}`,
    ]),
  ).toThrow();
});

test('Deny on Box’s page ends the sign-in with a clear message and a way to try again', async ({
  page,
  context,
  harness,
}) => {
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Connect to Box' }).click();
  await page.getByRole('button', { name: 'Use the sandbox enterprise' }).click();
  await page.getByRole('button', { name: 'Sign in with Box' }).click();
  const authorizeUrl = await page.getByTestId('authorize-link').getAttribute('href');
  const browserTab = await context.newPage();
  await browserTab.goto(authorizeUrl!);
  await browserTab.getByRole('button', { name: 'Deny' }).click();
  await expect(browserTab.getByRole('heading', { name: 'Access was not granted' })).toBeVisible();
  await expect(page.getByTestId('connection-error')).toContainText('Access was not granted');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});
