/**
 * A call that fails with `reconnect_required` reaches the admin as its own words and a
 * Reconnect button that leads to the Connect step (issue 15). The path: signed in to the sandbox
 * through the UI, on the Scan step; Box then revokes the sign-in (the sandbox's control API),
 * while the app still shows Connected. "Start the scan" asks Box, which refuses the token and
 * then the refresh: the call fails with reconnect_required instead of a generic failure.
 */
import { signInToSandbox } from './support/first-run';
import { expect, test } from './harness';

test('a sign-in Box revoked: Start fails with its own text and a Reconnect that leads to the Connect step', async ({
  page,
  context,
  harness,
}) => {
  await page.goto(harness.url);
  const control = await signInToSandbox(page, context);
  await page.getByRole('button', { name: 'Next: Test the connection' }).click();
  await page.getByRole('button', { name: 'Next: Start the scan' }).click();
  await expect(page.getByRole('button', { name: 'Start the scan', exact: true })).toBeEnabled();

  const revoked = await fetch(`${control}/tokens/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(revoked.ok).toBe(true);
  await page.getByRole('button', { name: 'Start the scan', exact: true }).click();

  const notice = page.locator('[data-error-code="reconnect_required"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The scan did not start.');
  await expect(notice).toContainText('Box no longer accepts this sign-in: reconnect to go on.');
  // Not the generic text every other failure used to get.
  await expect(notice).not.toContainText('Something went wrong inside the app.');
  // The next step comes first: Reconnect, the primary button.
  const reconnect = notice.getByRole('button', { name: 'Reconnect' });
  await expect(notice.getByRole('button').first()).toHaveText('Reconnect');
  await expect(reconnect).toHaveClass(/primary/);

  await reconnect.click();
  await expect(page.getByRole('button', { name: 'Step 3 of 5: Connect to Box' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await expect(page.getByTestId('connection-status')).toHaveText('Reconnect required.');
});
