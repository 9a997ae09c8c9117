/**
 * Which URLs the app's window may show, and which links may open in the system browser.
 * Electron-free so the rules are tested in Node.
 */

/** Our UI only: the same document (any fragment or query), nothing else. */
export function isOwnUiUrl(url: string, uiUrl: string): boolean {
  const strip = (value: string) => value.split(/[?#]/, 1)[0];
  return strip(url) === strip(uiUrl);
}

/** Only well-formed https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname.length > 0
    );
  } catch {
    return false;
  }
}
