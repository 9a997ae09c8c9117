/**
 * Which bridge the UI talks to: the preload's `window.boxCompanion` in the desktop app, or the
 * harness's WebSocket when the page was opened with `#bridge-token=…` in a plain browser.
 */
import type { BoxCompanionApi } from '../../../common/bridge/contract';
import { connectWsBridge } from './ws-client';

declare global {
  interface Window {
    boxCompanion?: BoxCompanionApi;
  }
}

export function connectBridge(): BoxCompanionApi {
  if (window.boxCompanion) return window.boxCompanion;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('bridge-token');
  if (!token) throw new Error('This page must be opened by Box Connect Companion or its test harness.');
  // Drop the token from the address bar and history once read.
  window.history.replaceState(null, '', window.location.pathname);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return connectWsBridge(`${scheme}://${window.location.host}/bridge?token=${encodeURIComponent(token)}`);
}
