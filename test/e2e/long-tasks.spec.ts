/**
 * Acceptance 3 of the app a person sees: while a scan of 100,000 files runs at full speed (the
 * sandbox unthrottled), the dashboard's main thread has no task over 50 ms. Long tasks are
 * recorded with PerformanceObserver('longtask') from the moment the scan is started to the
 * moment it completes, with the dashboard on screen. The test polls from Node once a second
 * (not Playwright's per-frame polling), so the measurement does not load the page itself.
 *
 * It takes minutes and its outcome depends on how loaded the machine is (on our 2-core machines
 * the sandbox, the core and Chromium share the cores, and most long tasks are the page waiting
 * for the compositor), so it is a benchmark: `npm run bench` runs it with BCC_BENCH_UI=1 and
 * prints the figure; `npm test` skips it and says so.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { makeTempHome } from '../helpers/temp-home';
import { expect, startHarness, stopHarness, test } from './harness';
import { startSandboxProcess } from './support/sandbox-process';

const FILES = 100_000;

// No Playwright trace or screenshots here: a trace records a screencast, which makes the page's
// compositor encode frames all along, a load the app never has outside a test.
test.use({ viewport: { width: 1280, height: 800 }, trace: 'off', screenshot: 'off' });
const RUN = process.env.BCC_BENCH_UI === '1';
if (!RUN) process.stdout.write('long-tasks: skipped in npm test (a timing benchmark): run it with `npm run bench`\n');
test.skip(!RUN, 'a timing benchmark: `npm run bench` runs it (BCC_BENCH_UI=1)');

test(`no main-thread task over 50 ms while a ${FILES.toLocaleString('en-US')}-file scan streams at full speed`, async ({
  page,
  context,
}) => {
  test.setTimeout(1_200_000);
  const sandbox = await startSandboxProcess(['--files', String(FILES)]);
  const temp = makeTempHome('bcc-e2e-longtasks-');
  let harness: Awaited<ReturnType<typeof startHarness>> | null = null;
  try {
    // Sign in from the CLI to the 100,000-file sandbox, consent clicked in Chromium.
    const child = spawn(
      process.execPath,
      [
        'main/cli/bin.mjs',
        '--home',
        temp.home,
        'connect',
        '--sandbox-url',
        sandbox.info.apiUrl,
        '--no-browser',
        '--json',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const first = new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const { authorizeUrl } = JSON.parse(await first) as { authorizeUrl: string };
    const consent = await context.newPage();
    await consent.goto(authorizeUrl);
    await consent.getByRole('button', { name: 'Grant access to Box' }).click();
    await consent.close();
    expect(await exited).toBe(0);

    harness = await startHarness(temp.home);
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Step 5 of 5: Start the scan' }).click();
    await expect(page.getByRole('button', { name: 'Start the scan', exact: true })).toBeEnabled();

    // From here on, every main-thread task over 50 ms. (A string: this test project has Node types, not the DOM's.)
    await page.evaluate(`(() => {
      window.longTasks = [];
      const from = performance.now();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push({ ms: Math.round(e.duration), at: Math.round((e.startTime - from) / 100) / 10 });
      }).observe({ type: 'longtask' });
      // What the long frames were made of (scripts, style and layout, rendering), printed if the test fails.
      window.longFrames = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.duration <= 50) continue;
          const end = e.startTime + e.duration;
          window.longFrames.push({
            at: Math.round((e.startTime - from) / 100) / 10,
            ms: Math.round(e.duration),
            scriptMs: Math.round(e.scripts.reduce((sum, s) => sum + s.duration, 0)),
            styleLayoutMs: e.styleAndLayoutStart ? Math.round(end - e.styleAndLayoutStart) : 0,
            renderMs: e.renderStart ? Math.round(end - e.renderStart) : 0,
            scripts: e.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration) + ' ms'),
          });
        }
      }).observe({ type: 'long-animation-frame' });
    })()`);
    const started = Date.now();
    await page.getByRole('button', { name: 'Start the scan', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Scan', exact: true })).toBeVisible();
    await expect
      .poll(() => page.getByTestId('scan-state').textContent(), { intervals: [1000], timeout: 1_000_000 })
      .toContain('Scan complete');
    await expect(page.getByTestId('count-discovered')).toHaveText(FILES.toLocaleString('en-US'));
    const seconds = (Date.now() - started) / 1000;

    const longTasks = (await page.evaluate('window.longTasks')) as Array<{ ms: number; at: number }>;
    const when = longTasks.map((task) => `${task.ms} ms at ${task.at} s`).join(', ');
    const scanned = Number((await page.getByTestId('count-scanned').textContent())!.replace(/\D/g, ''));
    const figure = `${FILES} files, scan ${seconds.toFixed(0)} s (${scanned} scanned), long tasks over 50 ms: ${longTasks.length}${when ? ` (${when})` : ''}`;
    process.stdout.write(`long-tasks: ${figure}\n`);
    test.info().annotations.push({ type: 'long-tasks', description: figure });
    expect(scanned).toBeGreaterThanOrEqual(FILES * 0.95);
    if (longTasks.length > 0)
      process.stdout.write(
        `long-tasks: the long animation frames: ${JSON.stringify(await page.evaluate('window.longFrames'), null, 1)}\n`,
      );
    expect(longTasks, figure).toEqual([]);
  } finally {
    if (harness) await stopHarness(harness);
    await sandbox.stop();
    temp.cleanup();
  }
});
