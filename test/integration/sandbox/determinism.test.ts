/** Acceptance 5: the same seed gives a byte-identical listing of the whole tree in two runs. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/core/sandbox';
import { ctl, getTokens, type Truth } from './helpers';
import { walkEnterprise } from './walk';

async function listing(seed: number): Promise<{ text: string; files: number; truthFiles: number }> {
  const sb = await startSandbox({ seed, users: 25, files: 3000 });
  try {
    const token = (await getTokens(sb.info)).access_token;
    const walk = await walkEnterprise({ apiUrl: sb.info.apiUrl, token, collect: true, concurrency: 6 });
    const truth = await ctl<Truth>(sb.info, '/truth');
    return { text: walk.lines.join('\n'), files: walk.files, truthFiles: truth.counts.files };
  } finally {
    await sb.close();
  }
}

describe('determinism', () => {
  it('two sandboxes with the same seed list the whole tree byte for byte; another seed differs', async () => {
    const [a, b, c] = await Promise.all([listing(42), listing(42), listing(43)]);
    expect(a.files).toBe(3000);
    expect(a.truthFiles).toBe(3000);
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(a.text.length).toBeGreaterThan(1_000_000);
    expect(sha(a.text)).toBe(sha(b.text));
    expect(a.text === b.text).toBe(true);
    expect(sha(c.text)).not.toBe(sha(a.text));
  });
});
