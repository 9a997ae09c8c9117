/**
 * The CLI's --json error lines use the app's error codes (issue 15): a scan with no connection
 * says not_connected and its next step, as the UI would, instead of a generic scan_failed.
 * Runs the real CLI against a fresh home and the real keychain.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempHome } from '../../helpers/temp-home';

const temp = makeTempHome('bcc-cli-codes-');
afterAll(() => temp.cleanup());

describe('box-companion --json error codes', () => {
  it('scan with no connection: not_connected, the reconnect step, exit 1', () => {
    const run = spawnSync(
      process.execPath,
      ['main/cli/bin.mjs', 'scan', '--json', '--until-idle', '--home', temp.home],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).toContain('Not connected to Box');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { error?: { code: string; nextStep?: string } });
    expect(lines.at(-1)).toEqual({
      error: { code: 'not_connected', message: expect.stringContaining('Not connected to Box'), nextStep: 'reconnect' },
    });
    expect(run.status).toBe(1);
  });
});
