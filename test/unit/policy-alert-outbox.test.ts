/**
 * The OS notifications for new policy matches: one per burst, and a burst that never goes quiet
 * (a long scan matching all the time) is told again each minute with what came since, so new
 * matches an hour into a scan still reach an admin whose window is in the background.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PolicyAlert } from '../../common/policy/types';
import { AlertOutbox } from '../../main/core/policy/alert-outbox';

function alert(i: number): PolicyAlert {
  return {
    alertId: `a${i}`,
    policyId: 'p',
    policyName: 'Public files with card numbers',
    fileId: `f${i}`,
    fileName: `file ${i}.pdf`,
    at: new Date().toISOString(),
    seen: false,
  } as PolicyAlert;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('OS notifications of new matches', () => {
  it('tell a continuous burst once a minute, each with the matches since the last', () => {
    const notes: string[] = [];
    const outbox = new AlertOutbox({ emit: () => undefined, notify: (_title, body) => notes.push(body) });
    // An alert every 5 s for 3 minutes: never 10 s quiet.
    for (let i = 0; i < 36; i++) {
      outbox.add([alert(i)]);
      vi.advanceTimersByTime(5_000);
    }
    outbox.stop();
    // At 1 s, then a minute after each: every alert told once, none twice.
    expect(notes).toEqual([
      'New match: file 0.pdf',
      '12 new matches, the first: file 1.pdf',
      '12 new matches, the first: file 13.pdf',
    ]);
  });

  it('tell a burst after a quiet spell within its gathering second', () => {
    const notes: string[] = [];
    const outbox = new AlertOutbox({ emit: () => undefined, notify: (_title, body) => notes.push(body) });
    for (let i = 0; i < 5; i++) outbox.add([alert(i)]);
    vi.advanceTimersByTime(30_000); // 30 s without an alert: the burst is over
    for (let i = 5; i < 8; i++) outbox.add([alert(i)]);
    vi.advanceTimersByTime(999);
    expect(notes).toEqual(['5 new matches, the first: file 0.pdf']);
    vi.advanceTimersByTime(1);
    outbox.stop();
    expect(notes).toEqual(['5 new matches, the first: file 0.pdf', '3 new matches, the first: file 5.pdf']);
  });
});
