import { dataCenter } from '../../common/allowlist';
import { expect, startHarness, stopHarness, test } from './harness';

test.use({ viewport: { width: 1280, height: 800 } });

test('paste a portal URL, copy the key, check a wrong paste-back, tick steps that survive a reload, all offline', async ({
  page,
  context,
  harness,
}) => {
  const origin = new URL(harness.url).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(harness.url);
  // First launch opens on Welcome; "Use my Box" leads to the allowlist step.
  await page.getByRole('button', { name: 'Use my Box' }).click();

  await page
    .getByLabel('Portal address or the About page’s “API URL”')
    .fill('HTTPS://Contoso.EU.Portal.CloudAppSecurity.com:443/#/settings?tab=about');
  await page.getByRole('button', { name: 'Find my data center' }).click();
  await expect(page.getByTestId('detection-answer')).toHaveText(
    'Found it: EU1 (Europe). The key below is for this data center.',
  );
  await expect(page.getByRole('radio', { name: 'EU1 (Europe)' })).toBeChecked();

  const eu1Key = dataCenter('EU1').allowlistKey;
  await expect(page.getByTestId('allowlist-key')).toHaveText(eu1Key);
  await page.getByRole('button', { name: 'Copy key' }).click();
  await expect(page.getByText('Copied. Paste it into Box')).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(eu1Key);

  const pasteBack = page.getByLabel('Paste the key back here to check you copied the right one');
  await pasteBack.fill(dataCenter('US2').allowlistKey);
  await expect(page.getByTestId('paste-back-answer')).toContainText('that is the US2 key, not the EU1 key');
  await pasteBack.fill(`  ${eu1Key}\n`);
  await expect(page.getByTestId('paste-back-answer')).toContainText('with spaces or line breaks');
  await pasteBack.fill(eu1Key);
  await expect(page.getByTestId('paste-back-answer')).toContainText('exactly the EU1 key');

  await page.getByRole('radio', { name: /An entry called “Platform”/ }).check();
  // The step that says when to skip allowlisting comes first.
  await expect(page.getByRole('checkbox').first()).toHaveAccessibleName(
    'Step 1: First check whether you need to allowlist at all',
  );
  await page.getByRole('checkbox', { name: /^Step 1:/ }).check();
  await page.getByRole('checkbox', { name: /^Step 3:/ }).check();
  await expect(page.getByTestId('steps-progress')).toHaveText('2 of 5 steps ticked');

  // Restart the app on the same home and load the page afresh: the ticks come back from disk.
  expect(await stopHarness(harness)).toBe(0);
  const again = await startHarness(harness.home);
  try {
    const againOrigin = new URL(again.url).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: againOrigin });
    await page.goto('about:blank');
    await page.goto(again.url);
    await expect(page.getByRole('radio', { name: 'EU1 (Europe)' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Step 1:/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Step 2:/ })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Step 3:/ })).toBeChecked();

    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.getByTestId('steps-progress')).toContainText('0 of 5 steps ticked');
    await expect(page.getByRole('checkbox', { name: /^Step 1:/ })).not.toBeChecked();

    // Every illustration came from the app itself, and nothing left the machine.
    const widths = (await page.evaluate(
      "[...document.querySelectorAll('.illustration img')].map((img) => img.naturalWidth)",
    )) as number[];
    expect(widths.length).toBe(5);
    expect(widths.every((width) => width > 0)).toBe(true);
    const own = [origin, againOrigin];
    expect(
      requests.filter(
        (url) => !own.some((allowed) => url.startsWith(allowed)) && !url.startsWith('data:') && url !== 'about:blank',
      ),
    ).toEqual([]);
  } finally {
    await stopHarness(again);
  }
});

test('a government cloud URL gets the honest answer and garbage gets told what to paste', async ({ page, harness }) => {
  await page.goto(harness.url);
  // First launch opens on Welcome; "Use my Box" leads to the allowlist step.
  await page.getByRole('button', { name: 'Use my Box' }).click();
  const input = page.getByLabel('Portal address or the About page’s “API URL”');
  await input.fill('https://agency.us1.portal.cloudappsecurity.us/');
  await input.press('Enter');
  await expect(page.getByTestId('detection-answer')).toContainText(
    'No Box allowlist key is published for government clouds',
  );
  await expect(page.getByTestId('allowlist-key')).toHaveCount(0);
  await input.fill('my tenant');
  await input.press('Enter');
  await expect(page.getByTestId('detection-answer')).toContainText('Settings > Cloud Apps > System > About');
  await expect(page.getByTestId('detection-answer')).toContainText('“?” menu');
});

test('the runbook PDF is saved from the app', async ({ page, harness }) => {
  await page.goto(harness.url);
  // First launch opens on Welcome; "Use my Box" leads to the allowlist step.
  await page.getByRole('button', { name: 'Use my Box' }).click();
  await page.getByRole('radio', { name: 'US3 (United States)' }).check();
  await page.getByRole('radio', { name: /gear icon/ }).check();
  await page.getByRole('button', { name: 'Save runbook as PDF' }).click();
  await expect(page.getByTestId('runbook-result')).toContainText(
    `${harness.home}/exports/allowlist-runbook-US3-classic-`,
  );
});
