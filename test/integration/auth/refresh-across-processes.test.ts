/**
 * Issue 13: the app and `box-companion` refreshing the same sign-in at once. Two real OS
 * processes on one home and one keychain (real gnome-keyring, the sandbox over HTTP) force 100
 * refreshes between them while making API calls with 5-second access tokens. With a refresh
 * guard per process only, both present the same refresh token and one gets `invalid_grant`, a
 * false "Reconnect required". Across processes: none, every refresh token Box issued is
 * presented at most once, and the keychain ends with a sign-in Box accepts.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainTokenStorage } from '../../../main/core/auth/keychain-token-storage';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { connectToSandbox, sandboxTokens, type Connected } from '../../helpers/connected';

const PROCESSES = 2;
const REFRESHES_EACH = 50;

interface WorkerResult {
  refreshes: number;
  apiCalls: number;
  reconnectRequired: number;
  otherErrors: string[];
}

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox({ tokenTtlSeconds: 5 });
});
afterAll(async () => connected?.cleanup());

function startWorker() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/integration/auth/fixtures/refresh-race-worker.ts',
      connected.home,
      String(REFRESHES_EACH),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const line = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`worker ${child.pid} exited early`);
    return value as string;
  };
  return { child, line, exited: new Promise<number | null>((resolve) => child.once('exit', resolve)) };
}

describe('refresh across processes', () => {
  it(
    `${PROCESSES} processes, ${PROCESSES * REFRESHES_EACH} forced refreshes in parallel: no false "Reconnect required", no refresh token presented twice`,
    { timeout: 180_000 },
    async () => {
      const workers = Array.from({ length: PROCESSES }, startWorker);
      for (const worker of workers) expect(await worker.line()).toBe('ready');
      for (const worker of workers) worker.child.stdin!.write('go\n');
      const results = await Promise.all(workers.map(async (worker) => JSON.parse(await worker.line()) as WorkerResult));
      for (const worker of workers) expect(await worker.exited).toBe(0);
      console.log(`refresh across processes: ${JSON.stringify(results)}`);

      expect(results.map((r) => r.reconnectRequired)).toEqual(results.map(() => 0));
      expect(results.flatMap((r) => r.otherErrors)).toEqual([]);
      expect(results.map((r) => r.refreshes)).toEqual(results.map(() => REFRESHES_EACH));

      const refreshTokens = (await sandboxTokens(connected.sandbox)).filter((token) => token.kind === 'refresh');
      const presentedTwice = refreshTokens.filter((token) => (token.times_presented ?? 0) > 1);
      expect(presentedTwice.map((token) => token.times_presented)).toEqual([]);
      expect(refreshTokens.length).toBeGreaterThanOrEqual(PROCESSES * REFRESHES_EACH + 1);

      // The keychain holds the one live sign-in, and Box accepts it.
      const stored = await new KeychainTokenStorage(
        new KeytarSecretStore(),
        `tokens:${connected.manager.profile()!.clientId}`,
      ).read();
      expect(refreshTokens.filter((token) => token.state === 'active').map((token) => token.token)).toEqual([
        stored!.refreshToken,
      ]);
      const me = await fetch(`${connected.sandbox.info.apiUrl}/2.0/users/me`, {
        headers: { authorization: `Bearer ${stored!.accessToken}` },
      });
      expect(me.status).toBe(200);
      expect((await connected.manager.state()).status).toBe('connected');
    },
  );
});
