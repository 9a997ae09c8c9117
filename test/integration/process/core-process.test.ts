/**
 * The core in its own process, as the desktop app and the harness run it: a real Node child
 * (child_process.fork, the same runCoreProcess the utilityProcess entry calls) on a temp home,
 * driven through CoreClient.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../common/settings';
import { forkNodeCore, type ForkedCore } from '../../../main/core/process/fork-node-core';
import { consentInSandbox } from '../../helpers/headless-consent';
import { makeTempHome } from '../../helpers/temp-home';

let temp: ReturnType<typeof makeTempHome>;
let core: ForkedCore | null = null;

type ForkOptions = Parameters<typeof forkNodeCore>[0];

function start(
  onExit?: ForkOptions['onExit'],
  host: ForkOptions['host'] = { openBrowser: () => undefined },
): ForkedCore {
  temp = makeTempHome('bcc-core-process-');
  core = forkNodeCore({ home: temp.home, runtime: 'harness', host, onExit });
  return core;
}

afterEach(async () => {
  await core?.stop(5_000);
  core = null;
  temp.cleanup();
});

describe('the core process', () => {
  it('serves the real core from another process: calls, validation failures and events', async () => {
    const { client } = start();
    const pid = await client.ready;
    expect(pid).not.toBe(process.pid);

    const info = await client.call('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { runtime: 'harness', home: temp.home } });

    const invalid = await client.call('updateSettings', { theme: 7 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const unknown = await client.call('formatDisk', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });

    const changed = new Promise<Settings>((resolve) => client.on('settingsChanged', resolve));
    const updated = await client.call('updateSettings', { theme: 'dark' });
    expect(updated).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect((await changed).theme).toBe('dark');
    // Written by the core process, to the home it was given.
    expect(JSON.parse(readFileSync(join(temp.home, 'settings.json'), 'utf8')).theme).toBe('dark');
  });

  it('asks its host to open the system browser, and signs in once the host’s browser grants', async () => {
    const opened: string[] = [];
    // The host plays the admin's browser: it opens what the core asks for, and consents there.
    const host = { openBrowser: (url: string) => void opened.push(url) };
    const { client } = start(undefined, host);
    expect(await client.call('useSandboxEnterprise', { seed: 7, role: 'admin' })).toMatchObject({ ok: true });
    const connecting = client.call('connect', {});
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(1);
    expect(opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*client_id=/);
    await consentInSandbox(opened[0]!);
    expect(await connecting).toMatchObject({ ok: true, value: { status: 'connected' } });
  });

  it('stops cleanly mid-scan: the scan stops, SQLite closes, and the process exits 0 well before the kill deadline', async () => {
    const opened: string[] = [];
    const { client } = start(undefined, { openBrowser: (url) => void opened.push(url) });
    await client.call('useSandboxEnterprise', { seed: 3, role: 'admin' });
    const connecting = client.call('connect', {});
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(1);
    await consentInSandbox(opened[0]!);
    expect(await connecting).toMatchObject({ ok: true, value: { status: 'connected' } });
    expect(await client.call('startScan', {})).toMatchObject({ ok: true });
    // Early in the scan, while its requests to the in-app sandbox are in flight.
    await expect
      .poll(async () => ((await client.call('getScanStatus', {})) as { value: { phase: string } }).value.phase, {
        timeout: 10_000,
      })
      .not.toBe('users');
    const started = Date.now();
    expect(await core!.stop(10_000)).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(existsSync(join(temp.home, 'scan.sqlite-wal'))).toBe(false);
  });

  it('answers pending and later calls with core_unavailable when the process dies, and reports the exit', async () => {
    const exits: { code: number | null; signal: string | null; expected: boolean }[] = [];
    const { client, child } = start((gone) => exits.push(gone));
    await client.ready;
    // Sent together with the kill: the core never answers it.
    const pending = client.call('getAppInfo', {});
    child.kill('SIGKILL');
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'core_unavailable', message: expect.stringMatching(/SIGKILL/) },
    });
    expect(await client.call('getSettings', {})).toMatchObject({ ok: false, error: { code: 'core_unavailable' } });
    expect(exits).toEqual([{ code: null, signal: 'SIGKILL', expected: false }]);
  });

  it('stops cleanly when asked: the core disposes itself and exits 0', async () => {
    const { client } = start();
    await client.ready;
    expect(await client.call('getScanStatus', {})).toMatchObject({ ok: true });
    const gone = await core!.stop(10_000);
    expect(gone).toEqual({ code: 0, signal: null });
    expect(await client.call('getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'core_unavailable' } });
    // The scan store was opened by getScanStatus and closed on shutdown: WAL checkpointed away.
    expect(existsSync(join(temp.home, 'scan.sqlite'))).toBe(true);
    expect(existsSync(join(temp.home, 'scan.sqlite-wal'))).toBe(false);
  });
});
