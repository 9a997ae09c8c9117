/**
 * Event storage is bounded: the events table used to grow forever (every backfill and live
 * event, with its raw JSON). Past Box's 14-day stream window an event's payload goes (it cannot
 * come again), and the row goes after the activity log's retention (default 90 days).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityPage } from '../../main/core/scan/store/queries';
import type { ScanStore } from '../../main/core/scan/store/scan-store';
import { settingsSchema } from '../../common/settings';
import { openTempScanStore, type TempScanStore } from '../helpers/temp-scan-store';

let temp: TempScanStore;
let store: ScanStore;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '-08:00');

beforeEach(() => {
  temp = openTempScanStore('bcc-events-');
  store = temp.store;
  store.tx(() => {
    for (const [id, age, source] of [
      ['old', 200, 'backfill'],
      ['q', 91, 'backfill'],
      ['m', 30, 'live'],
      ['w', 10, 'live'],
      ['new', 0, 'live'],
    ] as const) {
      store.insertEvent({
        event_id: id,
        source,
        event_type: 'EDIT',
        created_at: daysAgo(age),
        item_type: 'file',
        item_id: '1',
        item_name: 'a.txt',
        actor_login: 'a@x.com',
        json: '{"raw":true}',
      });
    }
  });
});
afterEach(() => temp.remove());

const ids = () =>
  activityPage(store.reader(), { offset: 0, limit: 100 })
    .entries.map((e) => e.eventId)
    .sort();
const payloads = () =>
  (
    temp.store.reader().prepare('SELECT event_id FROM events WHERE json IS NOT NULL ORDER BY event_id').all() as Array<{
      event_id: string;
    }>
  ).map((r) => r.event_id);

describe('pruneEvents', () => {
  it('keeps the activity log for the retention and raw payloads for the 14-day window', () => {
    expect(store.pruneEvents(NOW)).toEqual({ deleted: 2, stripped: 1 });
    expect(ids()).toEqual(['m', 'new', 'w']);
    expect(payloads()).toEqual(['new', 'w']);
    expect(store.counts()).toMatchObject({ events: 3, backfillEvents: 0 });
  });

  it('never forgets an event inside the stream window, whatever the retention', () => {
    store.pruneEvents(NOW, 1);
    expect(ids()).toEqual(['new', 'w']);
    // An event seen again inside the window is still known: not stored (nor acted on) twice.
    expect(
      store.insertEvent({
        event_id: 'w',
        source: 'live',
        event_type: 'EDIT',
        created_at: daysAgo(10),
        item_type: 'file',
        item_id: '1',
        item_name: 'a.txt',
        actor_login: null,
        json: '{}',
      }),
    ).toBe(false);
  });

  it('has a retention setting, 90 days by default, never under the window', () => {
    expect(settingsSchema.parse({}).activityRetentionDays).toBe(90);
    expect(settingsSchema.safeParse({ activityRetentionDays: 7 }).success).toBe(false);
  });
});
