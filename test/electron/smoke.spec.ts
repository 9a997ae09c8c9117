/**
 * Launches the real desktop app with Playwright's Electron driver. Electron's binary cannot be
 * downloaded on our build machines, so this runs only where one is installed
 * (node_modules/electron/path.txt exists) and otherwise says why it did not run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { makeTempHome } from '../helpers/temp-home';

const electronInstalled = existsSync(join('node_modules', 'electron', 'path.txt'));
if (!electronInstalled) {
  console.log(
    'electron smoke test: not run — no Electron binary is installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1).',
  );
}

test.skip(!electronInstalled, 'no Electron binary is installed on this machine');

test('the desktop app opens one sandboxed window that shows the core’s data', async () => {
  const { home, cleanup } = makeTempHome('bcc-electron-');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const app = await electron.launch({ args: ['.', `--home=${home}`, '--no-sandbox'] });
  try {
    const window = await app.firstWindow();
    await window.getByRole('button', { name: 'About this installation' }).click();
    await expect(window.getByTestId('app-version')).toHaveText(pkg.version);
    await expect(window.getByTestId('app-runtime')).toHaveText('electron');
    // No Node in the page, and only the named bridge functions on window.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(
      await window.evaluate(() => Object.keys((window as unknown as { boxCompanion: object }).boxCompanion).sort()),
    ).toEqual(
      [
        'chooseWalkthrough',
        'exportRunbook',
        'getAppInfo',
        'getSettings',
        'getWalkthroughState',
        'on',
        'setStepTicked',
        'startOver',
        'updateSettings',
      ].sort(),
    );
  } finally {
    await app.close();
    cleanup();
  }
});
