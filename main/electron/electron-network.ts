/**
 * The desktop app's network stack: Electron's `net.fetch` (Chromium's stack: the system proxy
 * and PAC file, proxy authentication, the OS certificate store), installed in the core's
 * utilityProcess, where Electron offers `net`. The route is the system's, not known here.
 */
import { net } from 'electron';
import type { NetworkStack } from '../core/box/network';
import { presentedCertificate } from '../core/box/tls-probe';

export function electronNetwork(): NetworkStack {
  return {
    name: 'Chromium (Electron net)',
    // net.fetch cancels a 'manual' redirect instead of answering it (electron#43715, "working as
    // documented"), so Chromium follows it here: a Box download's 302 to dl.boxcloud.com then
    // answers with the file, and Chromium drops Authorization on a cross-origin hop (Fetch standard).
    fetch: (url, init) => net.fetch(url, init?.redirect === 'manual' ? { ...init, redirect: 'follow' } : init),
    routeFor: () => ({ kind: 'system' }),
    // Chromium's proxy choice is not exposed to a utility process: read the certificate directly.
    presentedCertificate: (url) => presentedCertificate(url, null),
  };
}
