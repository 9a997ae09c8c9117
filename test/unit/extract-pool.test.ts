/**
 * The extractor in its own process (ExtractorPool over real child processes): the hostile corpus
 * ends with its reason within 30 s each while the child stays under 1 GB resident, and the pool
 * keeps serving after a timeout, a crash and a death by its memory cap (test-only hooks, honoured
 * only when the test's spawner sets BCC_EXTRACTOR_TEST_HOOKS=1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../main/core/extract/extractor-pool';
import { nodeExtractorSpawner } from '../../main/core/extract/node-extractor-spawner';
import { TEST_HOOK_ENV } from '../../main/core/extract/process/test-hooks';
import { buildDocx } from '../helpers/extract-fixtures';
import { hostileCorpus } from '../helpers/hostile-corpus';

const GB = 1024 * 1024 * 1024;
const pools: ExtractorPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function pool(options: Partial<ConstructorParameters<typeof ExtractorPool>[0]> = {}): ExtractorPool {
  const p = new ExtractorPool({ spawn: nodeExtractorSpawner({ ...process.env, [TEST_HOOK_ENV]: '1' }), ...options });
  pools.push(p);
  return p;
}

const goodDocx = () => ({ ext: 'docx', name: 'ok.docx', bytes: buildDocx([['Card 4111 1111 1111 1111']]) });

describe('ExtractorPool (child process)', () => {
  it('ends every hostile file with its reason within 30 s, the child under 1 GB resident', async () => {
    const extractor = pool();
    for (const file of hostileCorpus()) {
      const started = Date.now();
      const result = await extractor.inspect({ ext: file.ext, name: `hostile.${file.ext}`, bytes: file.bytes });
      const seconds = (Date.now() - started) / 1000;
      expect({ label: file.label, state: result.state, reason: result.reason }).toEqual({
        label: file.label,
        ...file.expected,
      });
      expect(seconds, file.label).toBeLessThan(30);
      console.log(`${file.label}: ${result.state} ${result.reason ?? ''} in ${seconds.toFixed(1)} s`);
    }
    expect(extractor.spawned).toBe(1);
    console.log(`extractor peak RSS ${(extractor.peakRssBytes / 1024 / 1024).toFixed(0)} MB (target < 1024 MB)`);
    expect(extractor.peakRssBytes).toBeGreaterThan(0);
    expect(extractor.peakRssBytes).toBeLessThan(GB);
  }, 240_000);

  it('a file past its deadline is Failed timeout, its process replaced, and the next file is read', async () => {
    const extractor = pool({ deadlineMs: 3_000 });
    expect(await extractor.inspect(goodDocx())).toMatchObject({ state: 'Completed' });
    expect(await extractor.inspect({ ext: 'test-hang', name: 'x', bytes: new Uint8Array(1) })).toMatchObject({
      state: 'Failed',
      reason: 'timeout',
    });
    expect(await extractor.inspect(goodDocx())).toMatchObject({ state: 'Completed', findings: { card: 1 } });
    expect(extractor.spawned).toBe(2);
  }, 60_000);

  it('a crash fails that file as internal, and so does running out of its memory cap (never reused); the pool goes on', async () => {
    const extractor = pool({ memoryCapMb: 200 });
    expect(await extractor.inspect({ ext: 'test-crash', name: 'x', bytes: new Uint8Array(1) })).toMatchObject({
      state: 'Failed',
      reason: 'internal',
    });
    expect(await extractor.inspect({ ext: 'test-oom', name: 'x', bytes: new Uint8Array(1) })).toMatchObject({
      state: 'Failed',
      reason: 'internal',
    });
    expect(await extractor.inspect(goodDocx())).toMatchObject({ state: 'Completed', findings: { card: 1 } });
    expect(extractor.spawned).toBe(3);
  }, 60_000);

  it("the product's spawner drops the test switch even when the core's environment has it", async () => {
    process.env[TEST_HOOK_ENV] = '1';
    try {
      const extractor = new ExtractorPool({ spawn: nodeExtractorSpawner() });
      pools.push(extractor);
      expect(
        await extractor.inspect({ ext: 'test-crash', name: 'x.test-crash', bytes: new Uint8Array(1) }),
      ).toMatchObject({ state: 'Failed', reason: 'unsupported' });
      expect(extractor.spawned).toBe(1);
    } finally {
      delete process.env[TEST_HOOK_ENV];
    }
  }, 60_000);

  it('without the test switch the hooks are ordinary unknown types', async () => {
    const extractor = new ExtractorPool({ spawn: nodeExtractorSpawner({ ...process.env, [TEST_HOOK_ENV]: '' }) });
    pools.push(extractor);
    expect(await extractor.inspect({ ext: 'test-crash', name: 'x', bytes: new Uint8Array(1) })).toMatchObject({
      state: 'Failed',
      reason: 'unsupported',
    });
    expect(extractor.spawned).toBe(1);
  }, 30_000);

  it('files run side by side in a pool of two, and close() rejects what is still queued', async () => {
    const extractor = pool({ size: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => extractor.inspect(goodDocx())));
    expect(results.every((r) => r.findings?.card === 1)).toBe(true);
    expect(extractor.spawned).toBe(2);
    const pending = extractor.inspect(goodDocx());
    await extractor.close();
    await expect(pending).rejects.toThrow(/closed/);
  }, 30_000);
});
