/**
 * Files their listing row answers are finished with no request (issue 13, review finding 19
 * and the event-loop stalls). The scanned count only takes files whose write went through: an
 * edit event that queues a file again between the pick and the write gets it scanned afresh,
 * and it is not counted as scanned meanwhile. A pick finishes at most one batch, not
 * thousands of rows in one synchronous stretch.
 */
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { describe, expect, it } from 'vitest';
import { FileState } from '../../common/scan/states';
import { BoxApi, scanClient } from '../../main/core/scan/box-api';
import { RequestScheduler } from '../../main/core/scan/scheduler';
import { TaskPicker } from '../../main/core/scan/task-picker';
import { ScanWork } from '../../main/core/scan/work';
import { listedTextFile, openTempScanStore } from '../helpers/temp-scan-store';
import { testContentReader } from '../helpers/text-extractor';

// No request is made by these tasks: an address nothing listens on proves it.
const nowhere = 'http://127.0.0.1:9';
const api = new BoxApi(
  scanClient(
    new BoxDeveloperTokenAuth({ token: 'unused' }),
    new NetworkSession({ baseUrls: new BaseUrls({ baseUrl: nowhere, uploadUrl: nowhere, oauth2Url: nowhere }) }),
  ),
  new RequestScheduler({ ratePerSecond: 0, concurrency: 1, maxRetries: 0 }),
);

describe('files finished with no request', () => {
  it('counts only the files whose write went through, in batches of at most 200', async () => {
    const temp = openTempScanStore('bcc-local-batch-');
    try {
      const { store } = temp;
      store.tx(() => {
        for (let i = 1; i <= 1000; i++) store.insertListedFile(listedTextFile(String(i)));
      });
      const counted: string[] = [];
      const picker = new TaskPicker(store, {
        concurrency: 4,
        holdRegular: () => false,
        onScannedLocally: (rows: Array<{ id: string }>) => counted.push(...rows.map((r) => r.id)),
      } as never);
      const work = new ScanWork({
        api,
        store,
        content: testContentReader(api, store),
        onScanned: (rows) => counted.push(...rows.map((r) => r.id)),
        onInspected: () => undefined,
      });
      const task = picker.next();
      // An edit event arrives for the first file of the queue before its batch is written.
      const first = store.file('1')!;
      store.tx(() =>
        store.prioritise({
          id: '1',
          name: first.name,
          ext: first.ext,
          folderId: first.folder_id,
          ownerId: first.owner_id,
          ownerLogin: first.owner_login,
          asUser: first.as_user,
          reason: 'edited',
          eventId: 'e1',
        }),
      );
      if (task?.kind === 'local') await work.run(task);
      const notDone = counted.filter((id) => store.file(id)!.state !== FileState.done);
      expect(notDone).toEqual([]); // every file counted as scanned is scanned
      expect(store.file('1')!.state).toBe(FileState.queued); // the edit is scanned afresh
      expect(counted.length).toBeGreaterThan(0);
      expect(counted.length).toBeLessThanOrEqual(200);
      expect(store.counts().done).toBe(counted.length);
    } finally {
      temp.remove();
    }
  });
});
