import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../main/core/create-node-core';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { KeychainUnavailableError, keychainServiceName } from '../../../main/core/keychain/secret-store';
import { makeTempHome, readAllFiles } from '../../helpers/temp-home';

const service = keychainServiceName();
const account = `test-${randomBytes(4).toString('hex')}`;
const onLinux = process.platform === 'linux';

afterEach(async () => {
  await new KeytarSecretStore(service).delete(account).catch(() => false);
});

describe('keychain (real Secret Service in a private gnome-keyring)', () => {
  it('uses a test-only service name, never the app’s own', () => {
    expect(service).not.toBe('box-connect-companion');
  });

  it('stores a secret that secret-tool reads back from gnome-keyring, and writes it to no file under the app home', async () => {
    const { home, cleanup } = makeTempHome();
    try {
      const core = createNodeCore(home, 'cli');
      await core.handlers.updateSettings({ theme: 'dark' }); // the app home has real files in it
      const secret = `refresh-${randomBytes(24).toString('base64url')}`;
      const store = new KeytarSecretStore(service);
      expect((await store.status()).available).toBe(true);
      await store.set(account, secret);
      expect(await store.get(account)).toBe(secret);

      if (onLinux) {
        const fromKeyring = execFileSync('secret-tool', ['lookup', 'service', service, 'account', account], {
          encoding: 'utf8',
        });
        expect(fromKeyring).toBe(secret);
      }
      const files = readAllFiles(home);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(file.bytes.includes(Buffer.from(secret)), file.path).toBe(false);

      expect(await store.delete(account)).toBe(true);
      expect(await store.get(account)).toBeNull();
    } finally {
      cleanup();
    }
  });

  it.runIf(onLinux)(
    'says plainly when there is no Secret Service, and refuses to store rather than fall back to a file',
    () => {
      // A child process with no D-Bus session at all: what a headless Linux box without a keyring looks like.
      const script = `
      import { KeytarSecretStore } from './main/core/keychain/keytar-store.ts';
      const store = new KeytarSecretStore('bcc-no-keyring-test');
      const status = await store.status();
      let refused = null;
      try { await store.set('a', 'secret-value'); } catch (e) { refused = e.name + ': ' + e.message; }
      console.log(JSON.stringify({ status, refused }));`;
      const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
      delete env.DISPLAY;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(child.status, child.stderr).toBe(0);
      const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
        status: { available: boolean; reason: string };
        refused: string;
      };
      expect(result.status.available).toBe(false);
      expect(result.status.reason).toMatch(/Secret Service/);
      expect(result.refused).toMatch(
        new RegExp(`^${new KeychainUnavailableError('').name}: No keychain is available, so nothing secret was stored`),
      );
    },
  );
});
