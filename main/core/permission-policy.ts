/**
 * Which web permissions our own UI gets in Electron. Everything else is denied, and nothing is
 * granted to any other page. Electron-free so the rule is tested in Node.
 */
import { isOwnUiUrl } from './navigation-policy';

/**
 * - `clipboard-sanitized-write`: the walkthrough's "Copy key" button (navigator.clipboard.writeText
 *   on a click). Reading the clipboard stays denied.
 * - `notifications`: the OS notification when a scan completes or the sign-in needs renewing
 *   while the window is in the background.
 */
const GRANTED_TO_OWN_UI = new Set(['clipboard-sanitized-write', 'notifications']);

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, uiUrl: string): boolean {
  return GRANTED_TO_OWN_UI.has(permission) && requestingUrl !== undefined && isOwnUiUrl(requestingUrl, uiUrl);
}
