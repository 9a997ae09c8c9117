import { app } from 'electron';
import { mkdirSync } from 'node:fs';
import { resolveHome } from '../core/home';

/**
 * --home DIR or BOX_COMPANION_HOME moves all app data (settings, scan database, Chromium's own
 * storage) to that folder, exactly as the CLI and harness do. Otherwise Electron's userData.
 */
export function applyAppHome(): string {
  const flag = process.argv.find((arg) => arg.startsWith('--home='));
  const explicit = flag?.slice('--home='.length) ?? process.env.BOX_COMPANION_HOME;
  const home = explicit ? resolveHome(explicit) : app.getPath('userData');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  app.setPath('userData', home);
  return home;
}
