/**
 * Acceptance (issue 5, item 3): with a 5-second access-token lifetime, 8 concurrent callers
 * making API calls for 2 minutes see no failure, and every refresh token the sandbox issued was
 * presented exactly once (one refresh at a time, never a spent token reused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoxClient } from '../../../main/core/box/client';
import { connectToSandbox, sandboxTokens, type Connected } from '../../helpers/connected';

const DURATION_MS = Number(process.env.BCC_REFRESH_SOAK_MS ?? 120_000);
let connected: Connected;

beforeAll(async () => {
  connected = await connectToSandbox({ tokenTtlSeconds: 5 });
});
afterAll(async () => connected?.cleanup());

describe('token refresh under concurrency', () => {
  it(
    `8 callers for ${DURATION_MS / 1000} s with 5-second access tokens: no failures, each refresh token used once`,
    { timeout: DURATION_MS + 60_000 },
    async () => {
      const profile = connected.manager.profile()!;
      const client = createBoxClient(profile.endpoints, connected.manager.session());
      const failures: string[] = [];
      let calls = 0;
      const deadline = Date.now() + DURATION_MS;
      await Promise.all(
        Array.from({ length: 8 }, async (_, caller) => {
          while (Date.now() < deadline) {
            try {
              const me = await client.users.getUserMe({ fields: ['id', 'role'] });
              if (!me.id) failures.push(`caller ${caller}: no user id`);
              calls++;
            } catch (error) {
              failures.push(
                `caller ${caller}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
              );
            }
          }
        }),
      );
      expect(failures).toEqual([]);
      const refreshTokens = (await sandboxTokens(connected.sandbox)).filter((token) => token.kind === 'refresh');
      // 2 minutes of 5-second tokens refreshed at half-life: a couple of dozen refreshes at least.
      expect(refreshTokens.length).toBeGreaterThan(DURATION_MS / 5_000);
      expect(refreshTokens.filter((token) => token.state === 'active')).toHaveLength(1);
      expect(refreshTokens.filter((token) => token.state !== 'active').every((token) => token.state === 'used')).toBe(
        true,
      );
      expect(refreshTokens.filter((token) => token.state === 'used').map((token) => token.times_presented)).toEqual(
        refreshTokens.filter((token) => token.state === 'used').map(() => 1),
      );
      console.log(
        `refresh soak: ${calls} API calls by 8 callers in ${DURATION_MS / 1000} s, ${refreshTokens.length - 1} refreshes, 0 failures`,
      );
    },
  );
});
