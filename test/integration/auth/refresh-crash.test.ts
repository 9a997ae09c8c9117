/**
 * Issue 5, item 4: the process is killed (SIGKILL) at random points while it refreshes, 20
 * times; after each kill the keychain must still hold a whole, readable sign-in, and a refresh
 * token the sandbox accepts.
 *
 * One window cannot be closed by any client: Box invalidates a refresh token the moment it
 * answers the refresh (box-api.md; developer.box.com "Refresh token expiration"), so a kill that
 * lands after Box answered and before the keychain write finished loses the new token. The app
 * makes that window as short as it can (the keychain write is the first thing done with Box's
 * answer) and this test measures it: every stranding must be exactly that case (the keychain
 * holds the token just spent, and the sandbox's newer token was never presented), never a
 * missing or half-written entry. After such a kill the app shows "Reconnect required".
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainTokenStorage } from '../../../main/core/auth/keychain-token-storage';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { consentInSandbox } from '../../helpers/headless-consent';
import { connectToSandbox, sandboxTokens, type Connected } from '../../helpers/connected';

const KILLS = 20;
let connected: Connected;

beforeAll(async () => {
  connected = await connectToSandbox();
});
afterAll(async () => connected?.cleanup());

async function runAndKill(afterRefreshes: number, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/auth/fixtures/refresh-worker.ts', connected.home], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let seen = 0;
  await new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'refresh' && ++seen === afterRefreshes) resolve();
    });
    child.once('exit', () => resolve());
  });
  // A random instant inside the refresh that just started (a refresh takes a few milliseconds).
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  child.kill('SIGKILL');
  await exited;
}

describe('refresh killed at random points', () => {
  it(`${KILLS} kills: the keychain always holds a whole sign-in; any loss is only Box's answer in flight`, { timeout: 240_000 }, async () => {
    const profile = connected.manager.profile()!;
    const storage = new KeychainTokenStorage(new KeytarSecretStore(), `tokens:${profile.clientId}`);
    let survived = 0;
    const lostInFlight: number[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      await runAndKill(1 + Math.floor(Math.random() * 5), Math.random() * 8);
      const stored = await storage.read();
      expect(stored, `kill ${kill}: the keychain entry must be whole and readable`).not.toBeNull();
      const tokens = await sandboxTokens(connected.sandbox);
      const entry = tokens.find((token) => token.token === stored!.refreshToken);
      if (entry?.state === 'active') {
        survived++;
        await connected.manager.session().refresh(); // accepted, the way the app uses it
        continue;
      }
      // The only acceptable loss: the keychain holds the token just spent, and Box's answer to that
      // refresh (the grant's newest refresh token) never reached the keychain or Box again.
      const refreshes = tokens.filter((token) => token.kind === 'refresh' && token.grant_id === entry?.grant_id);
      const newest = refreshes.at(-1)!;
      expect(entry?.state, `kill ${kill}`).toBe('used');
      expect(refreshes.at(-2)?.token, `kill ${kill}: the keychain token is the one spent last`).toBe(entry!.token);
      expect(newest).toMatchObject({ state: 'active', times_presented: 0 });
      lostInFlight.push(kill);
      // What the admin does on "Reconnect required": sign in again.
      const state = await connected.manager.connect({ openBrowser: (url) => void consentInSandbox(url) });
      expect(state.status).toBe('connected');
    }
    console.log(`refresh kill test: ${KILLS} kills, ${survived} left a refresh token the sandbox accepts, ${lostInFlight.length} landed after Box answered and before the keychain write (kills ${lostInFlight.join(', ') || 'none'})`);
  });
});
