/** The guided first run driven through the UI: the sandbox, sign-in with consent, the scan. */
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Welcome → "Try the sandbox enterprise" → Sign in (consent in a second tab). Returns the control API URL. */
export async function signInToSandbox(page: Page, context: BrowserContext): Promise<string> {
  await page.getByRole('button', { name: 'Try the sandbox enterprise' }).click();
  await page.getByRole('button', { name: 'Sign in with Box' }).click();
  const authorizeUrl = (await page.getByTestId('authorize-link').getAttribute('href'))!;
  const consent = await context.newPage();
  await consent.goto(authorizeUrl);
  await consent.getByRole('button', { name: 'Grant access to Box' }).click();
  await consent.close();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected.');
  return new URL('/_sandbox', authorizeUrl).toString();
}

/** Connected → Test → Scan → "Start the scan"; ends on the dashboard. */
export async function startScanFromFlow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next: Test the connection' }).click();
  await page.getByRole('button', { name: 'Next: Start the scan' }).click();
  await page.getByRole('button', { name: 'Start the scan', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Scan', exact: true })).toBeVisible();
}
