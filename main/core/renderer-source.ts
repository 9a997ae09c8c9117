/**
 * Where the desktop app loads its UI from. Electron-free so the rule is tested in Node;
 * main/electron/window.ts feeds it app.isPackaged and the environment.
 *
 * Only a development (unpackaged) build may load `electron-vite dev`'s server from
 * ELECTRON_RENDERER_URL: in an installed app that variable would let anyone who can set the
 * environment replace the UI, and with it whatever the bridge trusts.
 */
import { pathToFileURL } from 'node:url';

export interface RendererSourceFacts {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Absolute path of the bundled out/renderer/index.html. */
  bundledIndexPath: string;
}

export function rendererSource(facts: RendererSourceFacts): string {
  const devServer = facts.env.ELECTRON_RENDERER_URL;
  if (!facts.isPackaged && devServer) return devServer;
  return pathToFileURL(facts.bundledIndexPath).href;
}
