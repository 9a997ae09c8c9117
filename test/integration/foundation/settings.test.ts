import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';
import { makeTempHome } from '../../helpers/temp-home';

describe('settings under the app home', () => {
  it('persist in settings.json under --home and survive a restart', () => {
    const { home, cleanup } = makeTempHome();
    try {
      const first = createNodeSettingsStore(home);
      expect(first.get().theme).toBe('system');
      first.update({ theme: 'dark' });
      expect(first.filePath).toBe(join(home, 'settings.json'));
      expect(JSON.parse(readFileSync(first.filePath, 'utf8'))).toMatchObject({ theme: 'dark' });
      expect(createNodeSettingsStore(home).get().theme).toBe('dark');
    } finally {
      cleanup();
    }
  });

  it('a hand-edited file with nonsense falls back to defaults instead of crashing', () => {
    const { home, cleanup } = makeTempHome();
    try {
      writeFileSync(join(home, 'settings.json'), JSON.stringify({ theme: 'neon' }));
      expect(existsSync(join(home, 'settings.json'))).toBe(true);
      expect(createNodeSettingsStore(home).get().theme).toBe('system');
    } finally {
      cleanup();
    }
  });
});
