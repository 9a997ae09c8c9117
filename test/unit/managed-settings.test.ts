/**
 * The organisation's managed settings (issue 16): the file's strict, versioned schema; a
 * malformed file named by line and column (bad JSON) or by key (schema), with the app falling
 * back to defaults; the locks, enforced through the bridge for every way a locked setting could
 * be changed; and `status --json` listing the managed keys.
 */
import { BOX_ENDPOINTS } from '../../main/core/auth/box-endpoints';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stepIds as readStepIds } from '../../common/allowlist';
import { DEFAULT_SETTINGS } from '../../common/settings';
import { managedFileSchema, managedValues, settingsViewSchema } from '../../common/settings-managed';
import { MANAGED_KEYS } from '../../common/settings-locks';
import { dispatch } from '../../main/core/bridge/dispatch';
import { createCore, type Core } from '../../main/core/bridge/handlers';
import { ConnectionManager } from '../../main/core/connection/connection-manager';
import { InAppSandbox } from '../../main/core/connection/in-app-sandbox';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-store';
import { jsonErrorOffset, managedFilePath, readManagedFile } from '../../main/core/settings/managed-file';
import { createNodeSettingsStore } from '../../main/core/settings/node-settings';
import { backfillUnderSettings } from '../../main/core/settings/scan-defaults';
import { makeTempHome } from '../helpers/temp-home';

const CLIENT_ID = 'abcdefghij0123456789abcdefghij01';
const FULL = {
  version: 1,
  dataCenter: 'EU1',
  consoleGeneration: 'apps-manager',
  clientId: CLIENT_ID,
  scan: { backfillDays: 30, activityRetentionDays: 180 },
  offerSandbox: false,
};

let temp: ReturnType<typeof makeTempHome>;
let managedPath: string;
beforeEach(() => {
  temp = makeTempHome('bcc-managed-');
  managedPath = join(temp.home, 'managed.json');
});
afterEach(() => temp.cleanup());

function writeManaged(content: unknown): void {
  writeFileSync(managedPath, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

function coreWith(file: string): Core {
  const secrets = new KeytarSecretStore();
  return createCore({
    home: temp.home,
    runtime: 'cli',
    secrets,
    settings: createNodeSettingsStore(temp.home, file),
    connection: new ConnectionManager(temp.home, secrets),
    sandbox: new InAppSandbox(),
    openBrowser: () => undefined,
  });
}

describe('where the managed file is', () => {
  it('is the OS’s system location, or BOX_COMPANION_MANAGED_FILE', () => {
    expect(managedFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Box Connect Companion\\managed.json',
    );
    expect(managedFilePath('darwin', {})).toBe('/Library/Application Support/Box Connect Companion/managed.json');
    expect(managedFilePath('linux', {})).toBe('/etc/box-connect-companion/managed.json');
    expect(managedFilePath('linux', { BOX_COMPANION_MANAGED_FILE: '/tmp/x/managed.json' })).toBe('/tmp/x/managed.json');
  });
});

describe('the managed file’s schema', () => {
  it('presets every managed setting over the user’s, and names each key it locks', () => {
    writeManaged(FULL);
    const store = createNodeSettingsStore(temp.home, managedPath);
    const settings = store.get();
    expect(settings.walkthrough).toMatchObject({ dataCenter: 'EU1', consoleGeneration: 'apps-manager' });
    expect(settings.boxApp.clientId).toBe(CLIENT_ID);
    expect(settings.scan.backfillDays).toBe(30);
    expect(settings.activityRetentionDays).toBe(180);
    expect(settings.offerSandbox).toBe(false);
    expect(store.managed()).toEqual({
      path: managedPath,
      keys: [
        'walkthrough.dataCenter',
        'walkthrough.consoleGeneration',
        'boxApp.clientId',
        'scan.backfillDays',
        'activityRetentionDays',
        'offerSandbox',
      ],
      problem: null,
    });
  });

  it('locks only what the file names; no file means nothing is managed', () => {
    writeManaged({ version: 1, dataCenter: 'US2' });
    expect(createNodeSettingsStore(temp.home, managedPath).managed().keys).toEqual(['walkthrough.dataCenter']);
    const none = createNodeSettingsStore(temp.home, join(temp.home, 'absent.json'));
    expect(none.managed()).toEqual({ path: join(temp.home, 'absent.json'), keys: [], problem: null });
    expect(none.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ ...FULL, dataCentre: 'EU1' }, 'dataCentre', /not a setting this version knows/],
    [{ ...FULL, scan: { backfillDays: 0 } }, 'scan.backfillDays', /1|too small/],
    [{ ...FULL, scan: { retention: 90 } }, 'scan.retention', /not a setting/],
    [{ ...FULL, clientId: 'not-a-client-id' }, 'clientId', /32 lowercase letters and digits/],
    [{ ...FULL, version: 2 }, 'version', /1/],
    [{ dataCenter: 'EU1' }, 'version', /./],
  ])('refuses %j, naming %s, and the app keeps its defaults', (content, key, why) => {
    writeManaged(content);
    const store = createNodeSettingsStore(temp.home, managedPath);
    const { problem, keys } = store.managed();
    expect(keys).toEqual([]);
    expect(problem).toMatchObject({ key, line: null, column: null });
    expect(problem!.message).toContain(managedPath);
    expect(problem!.message).toContain(key);
    expect(problem!.message).toMatch(why);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('never repeats a refused value in the problem (it is logged and shown)', () => {
    writeManaged({ ...FULL, clientId: 'SECRETLOOKING-VALUE-0000' });
    expect(JSON.stringify(createNodeSettingsStore(temp.home, managedPath).managed())).not.toContain('SECRETLOOKING');
  });
});

describe('the README’s managed settings section', () => {
  it('publishes an example the schema accepts, and a row for every field and key', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Managed settings'), readme.indexOf('## Architecture'));
    const example = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const parsed = managedFileSchema.parse(JSON.parse(example));
    expect(Object.keys(managedValues(parsed))).toEqual([...MANAGED_KEYS]);
    for (const field of [
      'version',
      'dataCenter',
      'consoleGeneration',
      'clientId',
      'offerSandbox',
      'scan.backfillDays',
      'scan.activityRetentionDays',
    ])
      expect(section).toContain(`| \`${field}\` |`);
    for (const key of MANAGED_KEYS) expect(section).toContain(`\`${key}\``);
  });
});

describe('a managed file that is not JSON', () => {
  it('is reported with the line and column of the mistake (a missing comma on line 4)', () => {
    writeManaged('{\n  "version": 1,\n  "dataCenter": "EU1"\n  "clientId": "x"\n}\n');
    const read = readManagedFile(managedPath);
    expect(read.values).toEqual({});
    expect(read.problem).toMatchObject({ line: 4, column: 3, key: null });
    expect(read.problem!.message).toBe(`${managedPath} is not valid JSON at line 4, column 3.`);
  });

  it.each([
    ['{\n"a": }', '}'], // V8 says only "Unexpected token '}'", with no position
    ['{"a": 1,}', '}'],
    ['{"a": 1} trailing', 't'],
    ['\n\n  {"a": \'single\'}', "'"],
  ])('finds the offending character of %j', (text, offending) => {
    expect(jsonErrorOffset(text)).toBe(text.indexOf(offending));
  });

  it('still lets the app start: the core answers with the defaults and the problem', async () => {
    writeManaged('{ "version": 1, "dataCenter": EU1 }');
    const core = coreWith(managedPath);
    try {
      const reply = await dispatch(core.handlers, 'getSettings', {});
      expect(reply.ok).toBe(true);
      const view = settingsViewSchema.parse(reply.ok && reply.value);
      expect(view.walkthrough.dataCenter).toBeNull();
      expect(view.managed.problem).toMatchObject({ line: 1, column: 31 });
    } finally {
      await core.dispose();
    }
  });
});

describe('locked settings', () => {
  let core: Core;
  beforeEach(() => {
    writeManaged(FULL);
    core = coreWith(managedPath);
  });
  afterEach(async () => {
    await core.dispose();
  });

  const refused = { ok: false, error: { code: 'setting_locked' } };

  it('cross the bridge with the keys that are managed, in the one typed shape', async () => {
    const reply = await dispatch(core.handlers, 'getSettings', {});
    const view = settingsViewSchema.parse(reply.ok && reply.value);
    expect(view.managed.keys).toContain('boxApp.clientId');
    expect(view.walkthrough.dataCenter).toBe('EU1');
  });

  it('refuse a write to a locked key, naming it, and keep the value', async () => {
    const reply = await dispatch(core.handlers, 'updateSettings', { activityRetentionDays: 30 });
    expect(reply).toMatchObject(refused);
    expect(!reply.ok && reply.error.message).toMatch(/activityRetentionDays is set by your organisation/);
    expect(
      await dispatch(core.handlers, 'updateSettings', { boxApp: { clientId: '0000000000aaaaaaaaaa0000000000aa' } }),
    ).toMatchObject(refused);
    expect(await dispatch(core.handlers, 'updateSettings', { scan: { backfillDays: 7 } })).toMatchObject(refused);
    expect(await dispatch(core.handlers, 'chooseWalkthrough', { dataCenter: 'US1' })).toMatchObject(refused);
    expect(await dispatch(core.handlers, 'chooseWalkthrough', { consoleGeneration: 'classic' })).toMatchObject(refused);
    expect((await core.handlers.getSettings({})).activityRetentionDays).toBe(180);
  });

  it('let everything else change, without writing the managed values into the user’s file', async () => {
    const ticked = await dispatch(core.handlers, 'setStepTicked', {
      dataCenter: 'EU1',
      consoleGeneration: 'apps-manager',
      stepId: stepOf('apps-manager'),
      ticked: true,
    });
    expect(ticked).toMatchObject({ ok: true, value: { dataCenter: 'EU1' } });
    expect(await dispatch(core.handlers, 'updateSettings', { theme: 'dark' })).toMatchObject({
      ok: true,
      value: { theme: 'dark', walkthrough: { dataCenter: 'EU1' } },
    });
    const own = JSON.parse(readFileSync(join(temp.home, 'settings.json'), 'utf8'));
    expect(own.walkthrough.dataCenter).toBeNull();
    expect(own.boxApp.clientId).toBeNull();
    expect(own.walkthrough.ticks.EU1['apps-manager']).toEqual([stepOf('apps-manager')]);
  });

  it('refuse another Box app’s client ID, and the sandbox when it is not offered', async () => {
    const other = { clientId: '0000000000aaaaaaaaaa0000000000aa', clientSecret: 'A'.repeat(32) };
    expect(await dispatch(core.handlers, 'registerBoxApp', other)).toMatchObject(refused);
    expect(await dispatch(core.handlers, 'useSandboxEnterprise', {})).toMatchObject({
      ok: false,
      error: { code: 'setting_locked', message: expect.stringMatching(/offerSandbox/) },
    });
  });

  it('refuse Connect with an app set up before the file arrived (another client ID)', async () => {
    const secrets = new KeytarSecretStore();
    await new ConnectionManager(temp.home, secrets).registerApp({
      endpoints: BOX_ENDPOINTS,
      clientId: '0000000000bbbbbbbbbb0000000000bb',
      clientSecret: 'B'.repeat(32),
      target: 'box',
    });
    expect(await dispatch(coreWith(managedPath).handlers, 'connect', {})).toMatchObject(refused);
  });

  it('hold the scan’s history to the organisation’s days', () => {
    const settings = createNodeSettingsStore(temp.home, managedPath);
    expect(backfillUnderSettings(settings, {})).toEqual({ days: 30 });
    expect(backfillUnderSettings(settings, { days: 30 })).toEqual({ days: 30 });
    for (const other of [{ days: 7 }, { since: '2026-01-01' }, { noBackfill: true }])
      expect(() => backfillUnderSettings(settings, other)).toThrow(/scan.backfillDays is set by your organisation/);
    const unmanaged = createNodeSettingsStore(temp.home, join(temp.home, 'absent.json'));
    expect(backfillUnderSettings(unmanaged, { noBackfill: true })).toEqual({ none: true });
    expect(backfillUnderSettings(unmanaged, {})).toEqual({ days: 7 });
  });
});

function stepOf(generation: 'apps-manager'): string {
  return readStepIds(generation)[0]!;
}

describe('box-companion status, connect and scan', () => {
  function cli(...args: string[]) {
    return spawnSync(process.execPath, ['main/cli/bin.mjs', '--home', temp.home, ...args], {
      env: { ...process.env, BOX_COMPANION_MANAGED_FILE: managedPath, BOX_COMPANION_CLIENT_SECRET: 'A'.repeat(32) },
      encoding: 'utf8',
    });
  }
  const status = (json: boolean) => cli('status', ...(json ? ['--json'] : []));
  const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

  it('refuse another client ID and other scan days than the organisation’s (setting_locked)', () => {
    writeManaged({ version: 1, clientId: CLIENT_ID, scan: { backfillDays: 30 } });
    const connect = cli('connect', '--client-id', '0000000000aaaaaaaaaa0000000000aa', '--no-browser', '--json');
    expect(connect.status).toBe(1);
    expect(lastLine(connect.stdout)).toMatchObject({
      error: {
        code: 'setting_locked',
        message: expect.stringContaining('boxApp.clientId is set by your organisation'),
      },
    });
    const scan = cli('scan', '--days', '7', '--until-idle', '--json');
    expect(scan.status).toBe(1);
    expect(lastLine(scan.stdout)).toMatchObject({
      error: { code: 'setting_locked', message: expect.stringContaining('scan.backfillDays') },
    });
  });

  it('--json lists the managed keys and the file', () => {
    writeManaged({ version: 1, dataCenter: 'EU1', clientId: CLIENT_ID });
    const run = status(true);
    expect(run.status).toBe(1); // not connected
    const line = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({
      status: 'not_connected',
      managed: { path: managedPath, keys: ['walkthrough.dataCenter', 'boxApp.clientId'], problem: null },
    });
    expect(status(false).stdout).toContain(
      `Set by your organisation (${managedPath}): walkthrough.dataCenter, boxApp.clientId.`,
    );
  });

  it('names a malformed file’s line in both forms', () => {
    writeManaged('{\n  "version": 1,\n  "dataCenter": "EU1",\n}\n');
    const line = JSON.parse(status(true).stdout.trim().split('\n').at(-1)!);
    expect(line.managed).toMatchObject({ keys: [], problem: { line: 4, column: 1 } });
    expect(status(false).stdout).toMatch(/could not be used, so the app uses its defaults: .* line 4, column 1/);
  });
});
