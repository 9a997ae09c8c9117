/** The world's content cache: bounded, least recently used out first, one generation per hit. */
import { describe, expect, it } from 'vitest';
import { ContentCache } from '../../main/core/sandbox/state/content-cache';
import type { ContentSummary } from '../../main/core/sandbox/generator/files';

const summary = (size: number): ContentSummary => ({
  size,
  sha1: String(size).padStart(40, '0'),
  hasText: true,
  sensitive: null,
  expected: { state: 'Completed', reason: null },
});

describe('content cache', () => {
  it('generates once per file version, keeps at most its capacity and evicts the least recently used', () => {
    const cache = new ContentCache(3);
    let made = 0;
    const get = (k: number, v = 0) => cache.get(k, v, () => (made++, summary(k * 10 + v)));
    get(1);
    get(2);
    get(3);
    expect(get(1).size).toBe(10);
    expect(made).toBe(3);
    get(4); // evicts 2, the least recently used
    expect(cache.size).toBe(3);
    get(1);
    get(3);
    expect(made).toBe(4);
    get(2);
    expect(made).toBe(5);
    expect(get(1, 1).size).toBe(11); // another version is another entry
    expect(made).toBe(6);
  });
});
