/** The request scheduler: pacing under the rate, Retry-After honoured by everyone, no storms. */
import { describe, expect, it } from 'vitest';
import { RequestScheduler, RetryableError } from '../../main/core/scan/scheduler';

describe('the scan request scheduler', () => {
  it('after a 429 with retry-after, holds every request until it has passed, then retries', async () => {
    const s = new RequestScheduler({ ratePerSecond: 0, concurrency: 8, random: () => 0 });
    const starts: Array<{ name: string; at: number }> = [];
    const t0 = Date.now();
    let limited = false;
    const attempt = (name: string) => async () => {
      starts.push({ name, at: Date.now() - t0 });
      if (name === 'a' && !limited) {
        limited = true;
        throw new RetryableError('HTTP 429', 429, 1);
      }
      return name;
    };
    const first = s.run('listing', attempt('a'));
    await new Promise((r) => setImmediate(r));
    const later = ['b', 'c', 'd'].map((n) => s.run('listing', attempt(n)));
    expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c', 'd']);
    const retried = starts.filter((x) => x.name === 'a');
    expect(retried).toHaveLength(2);
    for (const x of starts.slice(1)) expect(x.at).toBeGreaterThanOrEqual(1000); // nobody went during retry-after
    expect(s.stats).toMatchObject({ total: 5, rateLimited: 1, retries: 1 });
  });

  it('paces requests just under the rate and gives up after the retry budget on 5xx', async () => {
    const s = new RequestScheduler({ ratePerSecond: 50, concurrency: 16, maxRetries: 2, random: () => 0 });
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 26 }, () => s.run('file', async () => 1)));
    const seconds = (Date.now() - t0) / 1000;
    expect(26 / seconds).toBeLessThanOrEqual(50 * 1.15); // a 2-interval credit at most
    let calls = 0;
    await expect(
      s.run('file', async () => {
        calls++;
        throw new RetryableError('HTTP 503', 503, null);
      }),
    ).rejects.toThrow('HTTP 503');
    expect(calls).toBe(3);
    expect(s.stats.serverErrors).toBe(2);
  });

  it("ends one caller's waits on its own signal and leaves the others' alone (a paused apply, a running scan)", async () => {
    // One place, two a second: waits for the place and for pacing are both in play.
    const s = new RequestScheduler({ ratePerSecond: 2, concurrency: 1, headroom: 1, random: () => 0 });
    const scanStop = new AbortController();
    s.stopWith(scanStop.signal);
    const apply = new AbortController();
    const sent: string[] = [];
    const call = (name: string, signal?: AbortSignal) =>
      s.run(
        name,
        async () => {
          sent.push(name);
          return name;
        },
        { signal },
      );
    const scan = [call('scan-1'), call('scan-2'), call('scan-3')];
    const applying = [call('apply-1', apply.signal), call('apply-2', apply.signal)];
    const settled = applying.map((p) =>
      p.then(
        () => 'sent',
        (e: Error) => e.name,
      ),
    );
    await scan[0];
    const t0 = Date.now();
    apply.abort();
    expect(await Promise.all(settled)).toEqual(['AbortError', 'AbortError']);
    expect(Date.now() - t0).toBeLessThan(100); // at once, not after the pacing or the place
    expect(await Promise.all(scan)).toEqual(['scan-1', 'scan-2', 'scan-3']);
    expect(sent).toEqual(['scan-1', 'scan-2', 'scan-3']);
    // The default (the scan's) still stops calls that bring no signal.
    scanStop.abort();
    await expect(call('scan-4')).rejects.toThrow(/abort/i);
  });

  it('never has more calls in flight than its concurrency, with callers leaving the queue on their signal', async () => {
    const s = new RequestScheduler({ ratePerSecond: 0, concurrency: 2 });
    let inFlight = 0;
    let most = 0;
    const held: Array<() => void> = [];
    const attempt = () =>
      new Promise<void>((resolve) => {
        most = Math.max(most, ++inFlight);
        held.push(() => {
          inFlight--;
          resolve();
        });
      });
    const leaving = new AbortController();
    const calls = Array.from({ length: 6 }, (_, i) => s.run('x', attempt, i === 2 ? { signal: leaving.signal } : {}));
    const left = calls[2]!.catch((e: Error) => e.name);
    leaving.abort();
    expect(await left).toBe('AbortError');
    // Let each call in flight end, one at a time; a new one starts only in its place.
    for (let done = 0; done < 5; done++) {
      await new Promise((r) => setImmediate(r));
      expect(inFlight).toBeLessThanOrEqual(2);
      held.shift()?.();
    }
    await Promise.all(calls.filter((_, i) => i !== 2));
    expect(most).toBe(2);
  });
});
