/**
 * Electron's security checklist, applied to every webContents and session:
 * no navigation away from our UI, no new windows, https links only to the system browser,
 * every permission request denied (but clipboard writes from our UI), and our CSP on every response.
 */
import { session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/security';
import { isOwnUiUrl, isSafeExternalUrl } from '../core/navigation-policy';
import { rendererUrl } from './window';

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUiUrl(url, rendererUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUiUrl(url, rendererUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Reviewed: only well-formed https URLs (isSafeExternalUrl) ever reach the system browser.
    if (isSafeExternalUrl(url)) void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    return { action: 'deny' };
  });
}

export function hardenSessions(): void {
  const ses = session.defaultSession;
  // Everything is denied except writing to the clipboard from our own UI: the allowlist
  // walkthrough's "Copy key" button needs it (navigator.clipboard.writeText on a click).
  // Reading the clipboard stays denied.
  const isClipboardWriteFromOwnUi = (permission: string, url: string) => permission === 'clipboard-sanitized-write' && isOwnUiUrl(url, rendererUrl());
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(isClipboardWriteFromOwnUi(permission, contents.getURL())));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isClipboardWriteFromOwnUi(permission, requestingOrigin));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
