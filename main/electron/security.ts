/**
 * Electron's security checklist, applied to every webContents and session:
 * no navigation away from our UI, no new windows, https links only to the system browser,
 * every permission denied but the two our own UI needs (core/permission-policy), and our CSP on every response.
 */
import { session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/security';
import { isOwnUiUrl, isSafeExternalUrl } from '../core/navigation-policy';
import { isPermissionAllowed } from '../core/permission-policy';
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
  // Both handlers judge the requesting frame's own URL (details.requestingUrl): a sub-frame is
  // judged by what it shows, and requestingOrigin alone cannot tell our file:// page from another.
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, rendererUrl())),
  );
  ses.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? contents?.getURL(), rendererUrl()),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
