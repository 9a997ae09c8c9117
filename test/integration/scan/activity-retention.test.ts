/**
 * The activity log keeps what the app's settings say (issue 13, review finding 3). The app
 * built its scan without the activity-retention setting (only the CLI passed it), so events
 * past the default 90 days went even when the admin asked for ten years; and a backfill
 * window longer than the retention was read and then deleted by the next prune.
 * Through the core as the app builds it (createCore) and the scan service as the CLI builds it,
 * on a signed-in sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanProgress } from '../../../common/scan/types';
import { dispatch } from '../../../main/core/bridge/dispatch';
import { createCore, type Core } from '../../../main/core/bridge/handlers';
import { InAppSandbox } from '../../../main/core/connection/in-app-sandbox';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-store';
import { scanDbPath } from '../../../main/core/scan/engine';
import { ScanService } from '../../../main/core/scan/scan-service';
import { ScanStore } from '../../../main/core/scan/store/scan-store';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { connectToSandbox, type Connected } from '../../helpers/connected';

let connected: Connected;
const DAY = 86_400_000;

beforeAll(async () => {
  connected = await connectToSandbox({ files: 200, users: 4, seed: 33 });
}, 120_000);
afterAll(async () => connected?.cleanup());

/** An activity event `days` old, as an earlier run (or an earlier, longer backfill) stored it. */
function storeOldEvent(id: string, days: number, meta: Record<string, string> = {}): void {
  const store = new ScanStore(scanDbPath(connected.home));
  try {
    store.tx(() => {
      store.insertEvent({
        event_id: id,
        source: 'backfill',
        event_type: 'ITEM_PREVIEW',
        created_at: new Date(Date.now() - days * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        item_type: 'file',
        item_id: 'x',
        item_name: 'x.txt',
        actor_login: null,
        json: '{}',
      });
      for (const [k, v] of Object.entries(meta)) store.setMeta(k, v);
    });
  } finally {
    store.close();
  }
}

function eventKept(id: string): boolean {
  const store = new ScanStore(scanDbPath(connected.home), { readOnly: true });
  try {
    return store.reader().prepare('SELECT 1 FROM events WHERE event_id = ?').get(id) !== undefined;
  } finally {
    store.close();
  }
}

async function scanOnce(retentionDays: number): Promise<void> {
  const settings = createNodeSettingsStore(connected.home);
  settings.update({ activityRetentionDays: retentionDays });
  const core: Core = createCore({
    home: connected.home,
    runtime: 'cli',
    secrets: new KeytarSecretStore(),
    settings,
    connection: connected.manager,
    sandbox: new InAppSandbox(),
    openBrowser: () => undefined,
  });
  try {
    const live = new Promise<void>((resolve) =>
      core.events.on('scanProgress', (p: ScanProgress) => p.phase === 'live' && resolve()),
    );
    const reply = await dispatch(core.handlers, 'startScan', { days: 7 });
    expect(reply.ok).toBe(true);
    await live;
  } finally {
    await core.dispose();
  }
}

describe('the activity retention', () => {
  it('keeps events as long as the setting says, not the default 90 days', async () => {
    storeOldEvent('old-120', 120);
    await scanOnce(3650);
    expect(eventKept('old-120')).toBe(true);
  }, 90_000);

  it('never deletes what the backfill window holds, even past the retention', async () => {
    // A 30-day backfill, done earlier; the retention is the shortest allowed (14 days).
    const window = JSON.stringify({
      from: new Date(Date.now() - 30 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      to: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    storeOldEvent('old-20', 20, { backfill_window: window, backfill_done: '1' });
    // As `box-companion scan` runs it (the CLI always passed the setting).
    const service = new ScanService(
      connected.home,
      connected.manager,
      { activityRetentionDays: 14 },
      'box-companion scan',
    );
    try {
      const { done } = await service.start({ days: 7 }, true);
      await done;
    } finally {
      await service.dispose();
    }
    expect(eventKept('old-20')).toBe(true);
  }, 90_000);
});
