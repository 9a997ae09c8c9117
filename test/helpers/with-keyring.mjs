#!/usr/bin/env node
// Runs the given command where a real keychain is available for tests:
// - on Linux, inside `dbus-run-session` with a fresh, unlocked gnome-keyring (the Secret
//   Service the app uses on Linux desktops);
// - elsewhere, as is (the OS keychain is used under a test-only service name).
// Tests always use a service name of their own (BOX_COMPANION_KEYCHAIN_SERVICE), never the app's.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-keyring.mjs COMMAND [ARGS...]');
  process.exit(2);
}
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
const env = {
  ...process.env,
  BOX_COMPANION_KEYCHAIN_SERVICE:
    process.env.BOX_COMPANION_KEYCHAIN_SERVICE || `box-connect-companion-test-${process.pid}`,
};

let result;
if (process.platform === 'linux' && !process.env.BOX_COMPANION_IN_TEST_KEYRING) {
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'with-keyring: dbus-run-session and gnome-keyring-daemon are needed for the keychain tests (Debian: apt-get install dbus gnome-keyring libsecret-tools).',
    );
    process.exit(3);
  }
  const script = join(dirname(fileURLToPath(import.meta.url)), 'keyring-session.sh');
  result = spawnSync('dbus-run-session', ['--', 'sh', script, command, ...args], {
    stdio: 'inherit',
    env: { ...env, BOX_COMPANION_IN_TEST_KEYRING: '1' },
  });
} else {
  result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
}
process.exit(result.status ?? 1);
