/**
 * The governance commands' command lines: a bad one exits 2 with the usage and, with --json, an
 * `{"error": {"code": "usage"}}` line; `actions` on a home with no log yet lists nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/governance-world';
import { makeTempHome } from '../../helpers/temp-home';

const temp = makeTempHome('bcc-gov-cli-');
afterAll(() => temp.cleanup());

describe('governance command lines', () => {
  it.each([
    [['policy', 'run'], /policy run takes one policy id/],
    [['policy', 'run', 'p', '--confirm', '5'], /--confirm goes with --apply/],
    [['policy', 'run', 'p', '--action', 'restrict-shared-link'], /access/],
    [['policy', 'run', 'p', '--action', 'shred'], /--action shred/],
    [['undo'], /give one ACTION_ID or --run RUN_ID/],
    [['undo', 'a-1', '--run', 'r-1'], /give one ACTION_ID or --run RUN_ID/],
    [['actions', '--export', 'xml'], /--export must be csv or json/],
  ])('%j exits 2 and says why', async (args, why) => {
    const r = await cli(temp.home, ['--json', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ error: { code: 'usage' } });
  });

  it('actions on a home with no log yet lists nothing', async () => {
    const r = await cli(temp.home, ['--json', 'actions']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ summary: { total: 0, shown: 0 } });
  });
});
