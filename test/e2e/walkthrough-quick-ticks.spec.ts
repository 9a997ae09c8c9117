import { expect, test } from './harness';

test.use({ viewport: { width: 1280, height: 800 } });

/**
 * Page-side (a string: this project has Node types, not the DOM's). Wraps the bridge's WebSocket
 * so the core's answer to the FIRST tick is held back until the answer to the second tick has
 * been delivered: the order a busy machine produces now and then. `__lateAnswerHandled` turns
 * true a couple of turns after the late answer was handed to the app, once React has re-rendered.
 */
const holdFirstTickAnswer = `(() => {
  const Native = window.WebSocket;
  window.__lateAnswerHandled = false;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      const tickIds = [];
      const send = this.send.bind(this);
      this.send = (data) => {
        const message = JSON.parse(String(data));
        if (message.call === 'setStepTicked') tickIds.push(message.id);
        send(data);
      };
      let held = null;
      const deliver = (listener, event) => (typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event));
      const add = this.addEventListener.bind(this);
      this.addEventListener = (type, listener, options) => {
        if (type !== 'message') return add(type, listener, options);
        return add(type, (event) => {
          const id = JSON.parse(String(event.data)).id;
          if (id !== undefined && id === tickIds[0] && !held) { held = event; return; }
          deliver(listener, event);
          if (held && id !== undefined && id === tickIds[1]) {
            deliver(listener, held);
            setTimeout(() => setTimeout(() => { window.__lateAnswerHandled = true; }));
          }
        }, options);
      };
    }
  };
})();`;

test('a quick second tick is not undone when the core answers the first tick late', async ({ page, harness }) => {
  await page.addInitScript(holdFirstTickAnswer);
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Use my Box' }).click();
  await page.getByRole('radio', { name: 'EU1 (Europe)' }).check();
  await page.getByRole('radio', { name: /An entry called “Platform”/ }).check();

  await page.getByRole('checkbox', { name: /^Step 1:/ }).check();
  await page.getByRole('checkbox', { name: /^Step 3:/ }).check();
  await page.waitForFunction('window.__lateAnswerHandled === true');

  // The late answer (only Step 1 ticked) is older than the tick of Step 3: it must not untick it.
  await expect(page.getByRole('checkbox', { name: /^Step 3:/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Step 1:/ })).toBeChecked();
  await expect(page.getByTestId('steps-progress')).toHaveText('2 of 5 steps ticked');
});

test('the walkthrough ticks through both halves: every Box step, then every portal step of the chosen portal', async ({
  page,
  harness,
}) => {
  const { PORTAL_STEPS } = await import('../../common/allowlist/portal-steps');
  await page.goto(harness.url);
  await page.getByRole('button', { name: 'Use my Box' }).click();
  await page.getByRole('radio', { name: 'EU2 (Europe)' }).check();
  await page.getByRole('radio', { name: /An entry called “Platform”/ }).check();
  for (let number = 1; number <= 5; number++)
    await page
      .getByRole('checkbox', { name: `Step ${number}:`, exact: false })
      .first()
      .check();
  await expect(page.getByTestId('steps-progress')).toHaveText('5 of 5 steps ticked');

  await expect(page.getByText('Choose the portal you see to get its steps.')).toBeVisible();
  await page.getByRole('radio', { name: /“Microsoft Defender” at the top/ }).check();
  const steps = PORTAL_STEPS.defender;
  for (const [index, step] of steps.entries()) {
    const box = page.getByRole('checkbox', { name: `Portal step ${index + 1}: ${step.title}` });
    // Each step says what the admin should see.
    await expect(page.locator('li.step', { has: box })).toContainText(`You should see: ${step.expect}`);
    await box.check();
    await expect(page.getByTestId('portal-steps-progress')).toHaveText(
      `${index + 1} of ${steps.length} portal steps ticked`,
    );
  }
  await expect(page.getByRole('checkbox', { name: /^Portal step 8: What this app has already proven/ })).toBeChecked();
  await expect(page.getByText('If the portal shows an error')).toBeVisible();

  // Both halves survive a restart of the page, and the runbook carries the portal half too.
  await page.goto('about:blank');
  await page.goto(harness.url);
  // The first-run flow reopens on its saved step, the walkthrough.
  await expect(page.getByTestId('steps-progress')).toHaveText('5 of 5 steps ticked');
  await expect(page.getByTestId('portal-steps-progress')).toHaveText(
    `${steps.length} of ${steps.length} portal steps ticked`,
  );
  await page.getByRole('button', { name: 'Save as Markdown' }).click();
  await expect(page.getByTestId('runbook-result')).toContainText('-defender-');

  // Another portal generation has its own steps and ticks.
  await page.getByRole('radio', { name: /“Cloud App Security” at the top/ }).check();
  await expect(page.getByTestId('portal-steps-progress')).toHaveText(
    `0 of ${PORTAL_STEPS['cas-2016'].length} portal steps ticked`,
  );
  await expect(
    page.getByRole('checkbox', { name: /^Portal step 1: Open Investigate > Sanctioned apps/ }),
  ).toBeVisible();
});
