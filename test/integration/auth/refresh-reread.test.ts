/**
 * Issue 13: on `invalid_grant` the keychain is read again before giving up. A process outside
 * the refresh lock (an older version, or one whose lock was taken over as stale) can spend the
 * refresh token we just read and store a newer sign-in; Box then refuses ours. That is not a
 * reason to ask the admin to reconnect: the newer sign-in in the keychain is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainTokenStorage, type StoredTokens } from '../../../main/core/auth/keychain-token-storage';
import { TokenSession } from '../../../main/core/auth/token-session';
import { ConnectionManager } from '../../../main/core/connection/connection-manager';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { connectToSandbox, sandboxTokens, type Connected } from '../../helpers/connected';

let connected: Connected;
beforeAll(async () => {
  connected = await connectToSandbox();
});
afterAll(async () => connected?.cleanup());

/** The real keychain entry; `beforeFirstRead` runs once, after the read, before it is returned. */
class RacedStorage extends KeychainTokenStorage {
  beforeFirstRead: (() => Promise<void>) | null = null;
  override async read(): Promise<StoredTokens | null> {
    const tokens = await super.read();
    const race = this.beforeFirstRead;
    this.beforeFirstRead = null;
    if (race) await race();
    return tokens;
  }
}

describe('invalid_grant reads the keychain again', () => {
  it('uses the newer sign-in another process stored, instead of "Reconnect required"', async () => {
    const profile = connected.manager.profile()!;
    const secrets = new KeytarSecretStore();
    const storage = new RacedStorage(secrets, `tokens:${profile.clientId}`);
    const reconnects: string[] = [];
    const session = new TokenSession({
      storage,
      endpoints: profile.endpoints,
      credentials: async () => ({
        clientId: profile.clientId,
        clientSecret: (await secrets.get(`client-secret:${profile.clientId}`))!,
      }),
      onReconnectRequired: (reason) => reconnects.push(reason),
    });
    const before = (await storage.read())!;
    // Between our read and our refresh, another process refreshes twice (so Box will not replay
    // its first answer to us) and stores the newest sign-in.
    let newest: StoredTokens | null = null;
    storage.beforeFirstRead = async () => {
      const elsewhere = new ConnectionManager(connected.home, secrets).session();
      await elsewhere.refresh();
      newest = await elsewhere.refresh();
    };

    const tokens = await session.refresh();
    expect(reconnects).toEqual([]);
    expect(tokens.refreshToken).toBe(newest!.refreshToken);
    expect(tokens.accessToken).toBe(newest!.accessToken);
    const entries = await sandboxTokens(connected.sandbox);
    // Ours was refused once; the newest refresh token was not spent again by us.
    expect(entries.find((t) => t.token === before.refreshToken)?.times_presented).toBe(2);
    expect(entries.find((t) => t.token === newest!.refreshToken)).toMatchObject({
      state: 'active',
      times_presented: 0,
    });
    const me = await fetch(`${connected.sandbox.info.apiUrl}/2.0/users/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);
  });
});
