/**
 * Where all app data for one run lives. The desktop app, the CLI and the harness agree on it:
 * --home, then BOX_COMPANION_HOME, then the OS default, which is the same folder Electron's
 * app.getPath('userData') gives for our product name.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PRODUCT_NAME = 'Box Connect Companion';

export function defaultHome(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function resolveHome(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.BOX_COMPANION_HOME) return resolve(env.BOX_COMPANION_HOME);
  return defaultHome(process.platform, env);
}
