/**
 * Starts the harness (real core + built renderer) as a child process with a fresh app home,
 * and hands its URL to a Playwright test. The harness is the same command developers run:
 * `npm run harness`, minus the build.
 */
import { test as base } from '@playwright/test';
import { startHarness, stopHarness, type Harness } from '../helpers/harness-process';
import { makeTempHome } from '../helpers/temp-home';

export { startHarness, stopHarness, type Harness };

export const test = base.extend<{ harness: Harness }>({
  harness: async ({}, use) => {
    const temp = makeTempHome('bcc-e2e-');
    const harness = await startHarness(temp.home);
    await use(harness);
    await stopHarness(harness);
    temp.cleanup();
  },
});

export { expect } from '@playwright/test';
