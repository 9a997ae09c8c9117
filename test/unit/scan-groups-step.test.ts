/**
 * The scan's groups step is extra (issue 17 review): an error reading groups or a group's
 * members, other than Box's "not allowed", must not fail the users phase. The step's failure
 * is recorded (scrubbed) and the groups read before are kept, so a group filter still matches
 * on what is known; the next good read clears the failure. The Box client here answers the
 * group calls from a table and fails one on purpose (the sandbox has no fault for groups);
 * the store is the real one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoxApiError, type BoxApi } from '../../main/core/scan/box-api';
import { discoverGroups, groupsProblem } from '../../main/core/scan/phases/groups';
import { openTempScanStore, type TempScanStore } from '../helpers/temp-scan-store';

let temp: TempScanStore;
beforeEach(() => (temp = openTempScanStore('bcc-groups-step-')));
afterEach(() => temp.remove());

/** A client whose group pages come from `pages`; a path mapped to an Error throws it. */
function groupsApi(pages: Record<string, unknown>): BoxApi {
  return {
    async get(path: string) {
      const key = path.split('?')[0]!;
      const answer = pages[key];
      if (answer instanceof Error) throw answer;
      if (answer === undefined) throw new Error(`unexpected ${key}`);
      return answer;
    },
  } as unknown as BoxApi;
}

const memberships = () =>
  temp.store.reader().prepare('SELECT user_id, group_name FROM user_groups ORDER BY user_id').all();

describe('the groups step', () => {
  it('a failure reading the members keeps the groups read before, is recorded, and does not throw', async () => {
    const good = {
      '/groups': { entries: [{ id: 'g1', name: 'Finance' }], total_count: 1 },
      '/groups/g1/memberships': { entries: [{ user: { id: 'u1' } }], total_count: 1 },
    };
    await discoverGroups(groupsApi(good), temp.store);
    expect(memberships()).toEqual([{ user_id: 'u1', group_name: 'Finance' }]);
    expect(groupsProblem(temp.store)).toBeNull();

    const failing = {
      ...good,
      '/groups/g1/memberships': new BoxApiError(
        500,
        'internal_server_error',
        'Box failed at https://api.box.com/x?t=1',
      ),
    };
    await expect(discoverGroups(groupsApi(failing), temp.store)).resolves.toBeUndefined();
    expect(memberships()).toEqual([{ user_id: 'u1', group_name: 'Finance' }]);
    const problem = groupsProblem(temp.store);
    expect(problem?.reason).toBe('Box failed at <url>');

    await discoverGroups(groupsApi(good), temp.store);
    expect(groupsProblem(temp.store)).toBeNull();
  });

  it('an account that may not read groups (403) is no failure of the step', async () => {
    await discoverGroups(groupsApi({ '/groups': new BoxApiError(403, 'forbidden', 'no') }), temp.store);
    expect(groupsProblem(temp.store)).toBeNull();
  });
});
