/**
 * Which bridge the UI talks to: the preload's `window.boxCompanion` in the desktop app, or the
 * harness's WebSocket when the page was opened with `#bridge-token=…` in a plain browser.
 */
import type { BoxCompanionApi } from '../../../common/bridge/contract';
import { fromContextBridge } from '../../../common/bridge/errors';
import { CALL_NAMES } from '../../../common/bridge/names';
import { connectWsBridge } from './ws-client';

declare global {
  interface Window {
    boxCompanion?: BoxCompanionApi;
  }
}

/** The preload's object with each failure turned back into a BridgeError (code and next step kept). */
function withFailureCodes(preload: BoxCompanionApi): BoxCompanionApi {
  const calls = Object.fromEntries(
    CALL_NAMES.map((name) => {
      const call = preload[name] as (args: unknown) => Promise<unknown>;
      return [name, (args: unknown) => call(args).catch((error: unknown) => Promise.reject(fromContextBridge(error)))];
    }),
  );
  return { ...calls, on: preload.on } as unknown as BoxCompanionApi;
}

export function connectBridge(): BoxCompanionApi {
  if (window.boxCompanion) return withFailureCodes(window.boxCompanion);
  const token = new URLSearchParams(window.location.hash.slice(1)).get('bridge-token');
  if (!token) throw new Error('This page must be opened by Box Connect Companion or its test harness.');
  // Drop the token from the address bar and history once read.
  window.history.replaceState(null, '', window.location.pathname);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return connectWsBridge(`${scheme}://${window.location.host}/bridge?token=${encodeURIComponent(token)}`);
}
