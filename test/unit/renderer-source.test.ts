import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rendererSource } from '../../main/core/renderer-source';

const bundledIndexPath = '/opt/Box Connect Companion/resources/app.asar/out/renderer/index.html';
const bundled = pathToFileURL(bundledIndexPath).href;

describe('where the desktop app loads its UI from', () => {
  it('an installed (packaged) app always loads its bundled UI, whatever ELECTRON_RENDERER_URL says', () => {
    expect(
      rendererSource({
        isPackaged: true,
        env: { ELECTRON_RENDERER_URL: 'http://attacker.example/' },
        bundledIndexPath,
      }),
    ).toBe(bundled);
  });

  it('a development build loads the dev server when electron-vite dev sets it', () => {
    expect(
      rendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, bundledIndexPath }),
    ).toBe('http://localhost:5173/');
  });

  it('falls back to the bundled UI when no dev server is set (or it is empty)', () => {
    expect(rendererSource({ isPackaged: false, env: {}, bundledIndexPath })).toBe(bundled);
    expect(rendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: '' }, bundledIndexPath })).toBe(bundled);
  });
});
