/**
 * The governance actions' Box calls and the scan's share one "on a 401, refresh the token once
 * and ask again" (main/core/box/refresh-once.ts). For the actions: an access token that died
 * before its time is refreshed silently and the read goes through; a sign-in Box no longer
 * honours ends as ReconnectRequiredError (the app asks for a new sign-in), not a bare 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReconnectRequiredError } from '../../../main/core/auth/token-session';
import { governanceWorld, type GovernanceWorld } from './support';

let world: GovernanceWorld;
beforeAll(async () => {
  world = await governanceWorld({ seed: 1731, files: 300, users: 6 });
}, 120_000);
afterAll(async () => world?.close());

async function control(path: string, body: unknown): Promise<Record<string, number>> {
  const res = await fetch(`${world.connected.sandbox.info.controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, number>;
}

async function someFile(): Promise<{ id: string; owner_id: string }> {
  const file = [...(await world.snapshot()).values()].find((f) => !f.trashed);
  if (!file) throw new Error('the sandbox has no file');
  return file;
}

describe("the governance calls' token refresh", () => {
  it('refreshes an access token that died early once, silently: the read goes through', async () => {
    const file = await someFile();
    expect((await control('/tokens/expire', { kind: 'access' })).expired).toBeGreaterThan(0);
    const state = await world.box.readFile(file.id, file.owner_id);
    expect(state).toMatchObject({ fileId: file.id, ownerId: file.owner_id });
  });

  it('a sign-in Box refuses to refresh ends as ReconnectRequiredError', async () => {
    const file = await someFile();
    expect((await control('/tokens/revoke', {})).revoked).toBeGreaterThan(0);
    await expect(world.box.readFile(file.id, file.owner_id)).rejects.toBeInstanceOf(ReconnectRequiredError);
  });
});
