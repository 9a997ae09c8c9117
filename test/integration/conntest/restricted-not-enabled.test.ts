/**
 * The enterprise turns on "Disable unpublished apps" after sign-in and this app is not enabled:
 * Box 401s the token and refuses the refresh (unauthorized_client). The app check fails and
 * sends the admin to the allowlist walkthrough with the chosen data center's key, then to
 * reconnect; with no data center chosen it says to pick one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_CENTERS } from '../../../common/allowlist/data-centers';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { check, scenario, type Scenario } from './helpers';

describe('connection test: unpublished apps restricted, this app not enabled', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = await scenario();
    await s.control('/enterprise', { restrict_unpublished: true, allowed_client_ids: [] });
  });
  afterEach(() => s.cleanup());

  it('fails the app check with the allowlist step, the key for the chosen data center, then reconnect', async () => {
    createNodeSettingsStore(s.home).update({ walkthrough: { dataCenter: 'US2', consoleGeneration: null, ticks: {} } });
    const us2 = DATA_CENTERS.find((d) => d.id === 'US2')!;
    const { result } = await s.run();
    expect(result.summary.verdict).toBe('fail');
    const app = check(result, 'app');
    expect(app.status).toBe('fail');
    expect(app.notRun).toBe(false);
    expect(app.summary).toContain('unauthorized_client');
    expect(app.summary).toContain('Unauthorized - Cannot authorize with this service');
    expect(app.summary).toContain('unpublished apps are disabled and this app is not enabled');
    expect(app.fix).toContain('Open the allowlist walkthrough.');
    expect(app.fix).toContain(`For ${us2.displayName} the connector's key is ${us2.allowlistKey}`);
    expect(app.fix).toContain(s.sandbox.info.clientId);
    expect(app.fix).toMatch(/Then connect again\.$/);
    expect(app.actions).toEqual(['open_allowlist', 'reconnect']);
    expect(check(result, 'token').evidence[0]).toMatchObject({ status: 401, code: 'unauthorized_client' });
    expect((await s.manager.state()).status).toBe('reconnect_required');
  });

  it('says to pick a data center when none is chosen', async () => {
    const { result } = await s.run();
    expect(check(result, 'app').fix).toContain('Pick your data center in the walkthrough');
  });
});
