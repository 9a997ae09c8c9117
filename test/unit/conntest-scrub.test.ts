/** The diagnostics scrubber removes secrets by field name and by value, wherever they hide. */
import { describe, expect, it } from 'vitest';
import { REMOVED, scrub } from '../../main/core/conntest/diagnostics';

describe('diagnostics scrub', () => {
  it('removes token and secret fields, Authorization headers, bearer strings and known secret values', () => {
    const secret = 'S3cr3tRefreshTokenValue42';
    const out = JSON.stringify(
      scrub(
        {
          accessToken: 'a1',
          refresh_token: 'r1',
          clientSecret: 'cs',
          headers: { Authorization: 'Bearer abc.def', 'x-other': 'ok' },
          message: `failed with Bearer xyz123 and refresh_token=${secret}&client_secret=zz`,
          nested: [{ note: `the value ${secret} leaked` }],
          keep: 'plain text',
        },
        [secret],
      ),
    );
    for (const leaked of ['a1', 'r1', '"cs"', 'abc.def', 'xyz123', secret, 'zz']) expect(out).not.toContain(leaked);
    expect(out).toContain('plain text');
    expect(out).toContain('"x-other":"ok"');
    expect(out.split(REMOVED).length - 1).toBeGreaterThanOrEqual(7);
  });
});
