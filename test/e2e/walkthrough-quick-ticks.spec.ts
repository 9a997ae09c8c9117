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
