/**
 * Decides whether a bridge message comes from our own UI. Electron-free so it can be tested
 * in Node; main/electron/ipc.ts feeds it the facts Electron gives about each sender.
 *
 * Rules (as VS Code and GitHub Desktop do): the message must come from the top frame of a
 * window main created, showing a page of ours (the bundled renderer, or the dev server in
 * development). Anything else (an iframe, a navigated-away page, another webContents) is refused.
 */
export interface SenderFacts {
  webContentsId: number;
  /** URL of the frame that sent the message; null when Electron no longer knows the frame. */
  frameUrl: string | null;
  isTopFrame: boolean;
}

export interface TrustPolicy {
  trustedWebContentsIds: ReadonlySet<number>;
  /** URL prefixes our UI is served from, e.g. 'file:///…/out/renderer/index.html'. */
  allowedUrlPrefixes: readonly string[];
}

/** Returns null when trusted, otherwise the reason the message is refused. */
export function whyUntrusted(sender: SenderFacts, policy: TrustPolicy): string | null {
  if (!policy.trustedWebContentsIds.has(sender.webContentsId)) {
    return `webContents ${sender.webContentsId} is not a window of this app`;
  }
  if (!sender.isTopFrame) return 'the message came from a sub-frame';
  if (!sender.frameUrl) return 'the sending frame is gone';
  const url = sender.frameUrl;
  if (!policy.allowedUrlPrefixes.some((prefix) => urlStartsWith(url, prefix))) {
    return `the sending page ${safeOrigin(url)} is not the app's own UI`;
  }
  return null;
}

function urlStartsWith(url: string, prefix: string): boolean {
  // Compare on the URL without query and fragment so "file:///app/index.html#/scan" matches,
  // but require an exact prefix so "file:///app/index.html.evil" does not.
  const bare = url.split(/[?#]/, 1)[0] ?? '';
  return bare === prefix || (prefix.endsWith('/') && bare.startsWith(prefix));
}

function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? 'file://' : parsed.origin;
  } catch {
    return '(unparseable URL)';
  }
}
