/**
 * The desktop app's way to the extractor: the host starts the process and hands the core a port
 * (hostExtractorSpawner). Here the "process" is the same serve loop on the far end of a
 * worker_threads MessageChannel: files sent before the port arrives are answered, and a port
 * that closes mid-file (the process died) fails that file and the pool starts another.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../main/core/extract/extractor-pool';
import { hostExtractorSpawner, type StartedExtractor } from '../../main/core/extract/host-extractor-spawner';
import { serveExtractor } from '../../main/core/extract/process/serve-extractor';
import { buildDocx } from '../helpers/extract-fixtures';

const pools: ExtractorPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

/** A host whose "extractor process" is the serve loop on a port; the first one never answers when asked. */
function channelHost(options: { firstNeverAnswers?: boolean } = {}) {
  const started: { closeFromFarEnd(): void; memoryCapMb: number; received: number }[] = [];
  const host = {
    startExtractor: async (memoryCapMb: number): Promise<StartedExtractor> => {
      const { port1, port2 } = new MessageChannel();
      const silent = options.firstNeverAnswers && started.length === 0;
      const far = { closeFromFarEnd: () => port2.close(), memoryCapMb, received: 0 };
      started.push(far);
      serveExtractor(
        {
          post: (message) => (silent && message.type === 'result' ? undefined : port2.postMessage(message)),
          onMessage: (listener) =>
            void port2.on('message', (message) => {
              far.received++;
              listener(message);
            }),
        },
        { testHooks: false },
      );
      return {
        port: {
          post: (message) => port1.postMessage(message),
          onMessage: (listener) => void port1.on('message', listener),
          onClose: (listener) => void port1.once('close', listener),
        },
        kill: () => port2.close(),
      };
    },
  };
  return { host, started };
}

const docx = () => ({ ext: 'docx', name: 'a.docx', bytes: buildDocx([['SSN 123-45-6789']]) });

describe('hostExtractorSpawner', () => {
  it('answers files sent before the host has handed over the port, with the memory cap asked', async () => {
    const { host, started } = channelHost();
    const pool = new ExtractorPool({ spawn: hostExtractorSpawner(host), memoryCapMb: 300 });
    pools.push(pool);
    const results = await Promise.all([pool.inspect(docx()), pool.inspect(docx())]);
    expect(results.map((r) => r.findings?.ssn)).toEqual([1, 1]);
    expect(started.map((s) => s.memoryCapMb)).toEqual([300]);
  }, 30_000);

  it('a port closing mid-file fails that file as internal, and a new extractor reads the next', async () => {
    const { host, started } = channelHost({ firstNeverAnswers: true });
    const pool = new ExtractorPool({ spawn: hostExtractorSpawner(host), deadlineMs: 60_000 });
    pools.push(pool);
    const pending = pool.inspect(docx());
    // Poll (with a deadline) until the far end holds the file, then it dies.
    const deadline = Date.now() + 20_000;
    while (!started[0]?.received && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    started[0]!.closeFromFarEnd();
    expect(await pending).toMatchObject({ state: 'Failed', reason: 'internal' });
    expect(await pool.inspect(docx())).toMatchObject({ state: 'Completed', findings: { ssn: 1 } });
    expect(pool.spawned).toBe(2);
  }, 30_000);
});

describe('ExtractorPool startup', () => {
  it('a process that never says ready is dropped: the waiting file fails, the next gets a new process', async () => {
    let spawned = 0;
    const killed: number[] = [];
    const pool = new ExtractorPool({
      startupMs: 200,
      spawn: () => {
        const n = ++spawned;
        let exit: () => void = () => undefined;
        return {
          post: () => undefined,
          onMessage: () => undefined,
          onExit: (listener) => void (exit = () => listener({ code: null, signal: 'SIGKILL', outOfMemory: false })),
          kill: () => {
            killed.push(n);
            exit();
          },
        };
      },
    });
    pools.push(pool);
    expect(await pool.inspect(docx())).toMatchObject({ state: 'Failed', reason: 'internal' });
    expect(killed).toEqual([1]);
    expect(await pool.inspect(docx())).toMatchObject({ state: 'Failed', reason: 'internal' });
    expect(spawned).toBe(2);
  });
});
