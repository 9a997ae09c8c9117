/**
 * The keychain stays the one source of truth for tokens, but a scan's hundreds of calls a second
 * must not each be a D-Bus round trip to the Secret Service: a read is reused for a second.
 * And because it is only a second, a refresh made elsewhere (the CLI, on the same connection)
 * is picked up without our session ever presenting the refresh token that one spent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoxClient } from '../../../main/core/box/client';
import { ConnectionManager } from '../../../main/core/connection/connection-manager';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import type { SecretStore } from '../../../main/core/keychain/secret-store';
import { connectToSandbox, sandboxTokens, type Connected } from '../../helpers/connected';

/** The real keychain, with its token reads counted. */
class CountingKeychain implements SecretStore {
  tokenReads = 0;
  private readonly real = new KeytarSecretStore();
  status: SecretStore['status'] = () => this.real.status();
  set: SecretStore['set'] = (account, secret) => this.real.set(account, secret);
  delete: SecretStore['delete'] = (account) => this.real.delete(account);
  get: SecretStore['get'] = (account) => {
    if (account.startsWith('tokens:')) this.tokenReads++;
    return this.real.get(account);
  };
}

const keychain = new CountingKeychain();
let connected: Connected;

beforeAll(async () => {
  connected = await connectToSandbox({}, keychain);
});
afterAll(async () => connected?.cleanup());

describe('keychain reads', () => {
  it('300 API calls read the tokens from the keychain about once a second, not once a call', async () => {
    const client = createBoxClient(connected.manager.profile()!.endpoints, connected.manager.session());
    const before = keychain.tokenReads;
    const started = performance.now();
    for (let call = 0; call < 300; call++) expect((await client.users.getUserMe({ fields: ['id'] })).id).toBeTruthy();
    const seconds = (performance.now() - started) / 1000;
    const reads = keychain.tokenReads - before;
    console.log(`keychain reads: ${reads} for 300 API calls in ${seconds.toFixed(1)} s`);
    expect(reads).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });

  it('a refresh made by another session on the same keychain is picked up, and its spent refresh token is never presented again', async () => {
    const client = createBoxClient(connected.manager.profile()!.endpoints, connected.manager.session());
    await client.users.getUserMe({ fields: ['id'] });
    // Another process on the same connection (the CLI, say) refreshes: a second manager, same home and keychain.
    const elsewhere = new ConnectionManager(connected.home, keychain);
    const fresh = await elsewhere.session().refresh();
    // Keep calling until our session authenticates with the access token the other one got.
    const deadline = Date.now() + 10_000;
    let pickedUp = false;
    while (!pickedUp && Date.now() < deadline) {
      expect((await client.users.getUserMe({ fields: ['id'] })).id).toBeTruthy();
      pickedUp = (await sandboxTokens(connected.sandbox)).some(
        (token) => token.token === fresh.accessToken && token.used_by_api,
      );
    }
    expect(pickedUp).toBe(true);
    const refreshTokens = (await sandboxTokens(connected.sandbox)).filter((token) => token.kind === 'refresh');
    expect(refreshTokens.map((token) => token.times_presented ?? 0).every((times) => times <= 1)).toBe(true);
    expect(refreshTokens.filter((token) => token.state === 'active').map((token) => token.token)).toEqual([
      fresh.refreshToken,
    ]);
  });
});
