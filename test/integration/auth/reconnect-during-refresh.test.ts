/**
 * Reconnecting in the app while `box-companion` on the same home keeps refreshing the old
 * sign-in: the other process read the old tokens, refreshes them, and (without a shared lock
 * around the new sign-in's keychain write) writes the old grant's tokens over the new ones:
 * the app says "connected" with the new sign-in but every call goes on with the old one. Real
 * processes, the real keychain, the sandbox over HTTP.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainTokenStorage } from '../../../main/core/auth/keychain-token-storage';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { connectToSandbox, sandboxTokens, type Connected } from '../../helpers/connected';
import { consentInSandbox } from '../../helpers/headless-consent';

const RECONNECTS = 8;
/** A slow Secret Service in the other process: its read-to-write window is most of each refresh. */
const WORKER_KEYCHAIN_WRITE_MS = 100;
let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox();
});
afterAll(async () => connected?.cleanup());

describe('reconnect while another process refreshes', () => {
  it(
    `${RECONNECTS} reconnects during back-to-back refreshes elsewhere: the keychain keeps the newest sign-in each time`,
    { timeout: 120_000 },
    async () => {
      const worker = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'test/integration/auth/fixtures/refresh-worker.ts',
          connected.home,
          String(WORKER_KEYCHAIN_WRITE_MS),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      let refreshes = 0;
      createInterface({ input: worker.stdout! }).on('line', (line) => {
        if (line === 'refresh') refreshes++;
      });
      /** Resolves once the worker has started `count` more refreshes (each follows the previous one's keychain write). */
      const moreRefreshes = async (count: number) => {
        const target = refreshes + count;
        const deadline = Date.now() + 20_000;
        while (refreshes < target) {
          if (Date.now() > deadline) throw new Error('the refresh worker stopped refreshing');
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      };
      const storage = new KeychainTokenStorage(
        new KeytarSecretStore(),
        `tokens:${connected.manager.profile()!.clientId}`,
      );
      const grantOf = async () => {
        const stored = await storage.read();
        return (await sandboxTokens(connected.sandbox)).find((token) => token.token === stored?.refreshToken)?.grant_id;
      };
      const clobbered: number[] = [];
      try {
        await moreRefreshes(3);
        for (let reconnect = 1; reconnect <= RECONNECTS; reconnect++) {
          // A random instant inside the other process's refresh (which just started), not always the same one.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * WORKER_KEYCHAIN_WRITE_MS));
          const state = await connected.manager.connect({ openBrowser: (url) => void consentInSandbox(url) });
          expect(state.status).toBe('connected');
          const newest = Math.max(...(await sandboxTokens(connected.sandbox)).map((token) => token.grant_id));
          // Let the other process finish whatever refresh was under way, and make one more.
          await moreRefreshes(2);
          if ((await grantOf()) !== newest) clobbered.push(reconnect);
        }
      } finally {
        worker.kill('SIGKILL');
        await exited;
      }
      expect(clobbered, 'reconnects whose new sign-in was overwritten by the old one').toEqual([]);
    },
  );
});
