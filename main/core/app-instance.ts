/**
 * One running app per app home, and two homes side by side. Electron keys its single-instance
 * lock on the userData folder at the moment the lock is asked for, so the home (which sets
 * userData, main/electron/home.ts) must be chosen first: asked earlier, every home would share
 * the default folder's lock and a second home could never start.
 * Electron-free so the order is tested in Node; main/electron/index.ts passes the real calls.
 */
export interface AppInstanceSteps {
  /** Picks the app home (--home, BOX_COMPANION_HOME or userData) and points userData at it. */
  chooseHome(): string;
  requestSingleInstanceLock(): boolean;
  quit(): void;
}

/** The home this instance owns, or null when another instance holds it (and this one quits). */
export function claimAppHome(steps: AppInstanceSteps): string | null {
  const home = steps.chooseHome();
  if (steps.requestSingleInstanceLock()) return home;
  steps.quit();
  return null;
}
