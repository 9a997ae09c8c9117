import { dataCenter } from '../../common/allowlist';
import { expect, test } from './harness';

test.use({ viewport: { width: 1280, height: 800 } });

// Page-side checks are expressions (strings): this test project has Node types, not the DOM's.
const focused = (condition: string) =>
  `(() => { const el = document.activeElement; return Boolean(el && (${condition})); })()`;

/** Presses Tab until the focused element matches, failing after a bounded number of presses. */
async function tabTo(page: import('@playwright/test').Page, description: string, condition: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(focused(condition))) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

test('the walkthrough can be completed with the keyboard alone, with a visible focus ring', async ({
  page,
  context,
  harness,
}) => {
  const origin = new URL(harness.url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(harness.url);
  // First launch opens on Welcome; "Use my Box" leads to the allowlist step.
  await page.getByRole('button', { name: 'Use my Box' }).click();
  await expect(page.getByRole('heading', { name: 'Allowlist the connector in Box' })).toBeVisible();

  await tabTo(page, 'the portal address box', "el.type === 'text'");
  await page.keyboard.type('tenant.us2.portal.cloudappsecurity.com');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'US2 (United States)' })).toBeChecked();

  // Tab into the console question: focus lands on its first answer; Space chooses it.
  await tabTo(page, 'the console question', "el.name === 'console-generation'");
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /An entry called “Platform”/ })).toBeChecked();

  await tabTo(page, 'Copy key', "el.textContent === 'Copy key'");
  const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(dataCenter('US2').allowlistKey);

  const steps = page.getByRole('checkbox');
  const count = await steps.count();
  for (let index = 0; index < count; index++) {
    await tabTo(page, `step ${index + 1}`, "el.type === 'checkbox'");
    await page.keyboard.press('Space');
  }
  await expect(page.getByTestId('steps-progress')).toHaveText(`${count} of ${count} steps ticked`);

  await tabTo(page, 'Save runbook as PDF', "el.textContent === 'Save runbook as PDF'");
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('runbook-result')).toContainText('allowlist-runbook-US2-platform-');
});
