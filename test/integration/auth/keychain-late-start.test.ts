/**
 * A keychain that cannot be reached at launch (the Secret Service not up yet, or locked) must
 * not be remembered as missing: once it answers, the same running app uses it without a
 * restart. Real D-Bus and gnome-keyring: the child starts with a session-bus address whose
 * socket does not exist yet, then the test puts the real bus socket at that address.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const realBus = /^unix:path=([^,]+)/.exec(process.env.DBUS_SESSION_BUS_ADDRESS ?? '')?.[1];
const why =
  process.platform !== 'linux'
    ? 'the Secret Service over D-Bus is Linux only'
    : !realBus
      ? 'needs a path-based D-Bus session (run under test/helpers/with-keyring.mjs)'
      : null;
if (why) console.log(`keychain-late-start: skipped, ${why}`);

describe('keychain unavailable at launch', () => {
  it.skipIf(why !== null)('is asked again later, and used once it answers', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcc-late-bus-'));
    const bus = join(dir, 'bus');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/integration/auth/fixtures/keychain-late-worker.ts'],
      {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${bus}` },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const next = async () =>
        JSON.parse(((await lines.next()).value as string) ?? 'null') as {
          available: boolean;
          roundTrip: string | null;
        };
      expect(await next()).toEqual({ available: false, roundTrip: null });
      // The Secret Service comes up (the user logged in to the desktop, the keyring unlocked).
      symlinkSync(realBus!, bus);
      child.stdin!.write('again\n');
      expect(await next()).toEqual({ available: true, roundTrip: 'not-a-real-secret' });
      child.stdin!.write('quit\n');
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
