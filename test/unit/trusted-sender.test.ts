import { describe, expect, it } from 'vitest';
import { whyUntrusted, type TrustPolicy } from '../../main/core/bridge/trusted-sender';
import { isOwnUiUrl, isSafeExternalUrl } from '../../main/core/navigation-policy';
import { isPermissionAllowed } from '../../main/core/permission-policy';

const ui = 'file:///opt/Box%20Connect%20Companion/resources/app.asar/out/renderer/index.html';
const policy: TrustPolicy = { trustedWebContentsIds: new Set([7]), allowedUrlPrefixes: [ui] };

describe('IPC sender check', () => {
  it('accepts the top frame of our window showing our UI, with any fragment', () => {
    expect(whyUntrusted({ webContentsId: 7, frameUrl: `${ui}#/scan`, isTopFrame: true }, policy)).toBeNull();
  });

  it('refuses another webContents, a sub-frame, a foreign page and a look-alike path', () => {
    expect(whyUntrusted({ webContentsId: 8, frameUrl: ui, isTopFrame: true }, policy)).toMatch(
      /not a window of this app/,
    );
    expect(whyUntrusted({ webContentsId: 7, frameUrl: ui, isTopFrame: false }, policy)).toMatch(/sub-frame/);
    expect(
      whyUntrusted({ webContentsId: 7, frameUrl: 'https://evil.example/index.html', isTopFrame: true }, policy),
    ).toMatch(/https:\/\/evil\.example is not the app's own UI/);
    expect(whyUntrusted({ webContentsId: 7, frameUrl: `${ui}.evil.html`, isTopFrame: true }, policy)).not.toBeNull();
    expect(whyUntrusted({ webContentsId: 7, frameUrl: null, isTopFrame: true }, policy)).toMatch(/gone/);
  });
});

describe('navigation and external links', () => {
  it('keeps the window on our UI', () => {
    expect(isOwnUiUrl(`${ui}#/walkthrough`, ui)).toBe(true);
    expect(isOwnUiUrl('https://account.box.com/api/oauth2/authorize', ui)).toBe(false);
    expect(isOwnUiUrl('file:///etc/passwd', ui)).toBe(false);
  });

  it('opens only https links in the system browser', () => {
    expect(isSafeExternalUrl('https://app.box.com/master/settings')).toBe(true);
    expect(isSafeExternalUrl('http://app.box.com/')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});

describe('web permissions', () => {
  it('grants our UI clipboard writes and notifications, and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `${ui}#/walkthrough`, ui)).toBe(true);
    expect(isPermissionAllowed('notifications', ui, ui)).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'geolocation', 'openExternal', 'fullscreen'])
      expect(isPermissionAllowed(permission, ui, ui)).toBe(false);
  });

  it('grants nothing to another page, or when the requesting page is unknown', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/', ui)).toBe(false);
    expect(isPermissionAllowed('notifications', 'file:///tmp/other.html', ui)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, ui)).toBe(false);
  });
});
