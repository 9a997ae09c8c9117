import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../main/core/create-node-core';
import { makeTempHome } from '../../helpers/temp-home';

describe('the walkthrough checklist', () => {
  it('keeps ticks per data center and console across restarts; start over clears one data center', async () => {
    const { home, cleanup } = makeTempHome('bcc-ticks-');
    try {
      const first = createNodeCore(home, 'cli').handlers;
      await first.chooseWalkthrough({ dataCenter: 'EU1', consoleGeneration: 'platform' });
      await first.setStepTicked({ dataCenter: 'EU1', consoleGeneration: 'platform', stepId: 'add-app', ticked: true });
      await first.setStepTicked({
        dataCenter: 'EU1',
        consoleGeneration: 'platform',
        stepId: 'check-restriction',
        ticked: true,
      });
      await first.setStepTicked({ dataCenter: 'US1', consoleGeneration: 'classic', stepId: 'save', ticked: true });
      await expect(
        first.setStepTicked({ dataCenter: 'US1', consoleGeneration: 'classic', stepId: 'add-app', ticked: true }),
      ).rejects.toThrow(/no step "add-app"/);

      const again = createNodeCore(home, 'cli').handlers;
      const state = await again.getWalkthroughState({});
      expect(state).toMatchObject({ dataCenter: 'EU1', consoleGeneration: 'platform', companionClientId: null });
      expect(state.ticks).toEqual({ EU1: { platform: ['check-restriction', 'add-app'] }, US1: { classic: ['save'] } });
      expect((await again.startOver({ dataCenter: 'EU1' })).ticks).toEqual({ US1: { classic: ['save'] } });
    } finally {
      cleanup();
    }
  });

  it('an old settings file (theme only) still loads, and a broken checklist does not reset the theme', async () => {
    const { home, cleanup } = makeTempHome('bcc-ticks-');
    try {
      writeFileSync(join(home, 'settings.json'), JSON.stringify({ theme: 'dark' }));
      const settings = await createNodeCore(home, 'cli').handlers.getSettings({});
      expect(settings).toMatchObject({
        theme: 'dark',
        walkthrough: { dataCenter: null, ticks: {} },
        boxApp: { clientId: null },
      });
      writeFileSync(
        join(home, 'settings.json'),
        JSON.stringify({ theme: 'dark', walkthrough: { ticks: { US9: 'x' } } }),
      );
      const core = createNodeCore(home, 'cli').handlers;
      expect((await core.getSettings({})).theme).toBe('dark');
      await core.updateSettings({ theme: 'light' });
      expect(JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')).walkthrough.ticks).toEqual({});
    } finally {
      cleanup();
    }
  });
});
