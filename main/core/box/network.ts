/**
 * The host's network stack: the one `fetch` every request of this process goes through (OAuth
 * token, refresh and revoke, the SDK's API calls and downloads, the scan, the sandbox's info).
 * The host installs it once at start-up: Electron's `net.fetch` in the desktop app's core
 * process (Chromium's stack: system proxy and PAC, proxy authentication, the OS certificates),
 * the undici stack of node-network.ts in the CLI and the harness. Until a host installs one,
 * the Node stack from the environment (HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS) is used.
 */
import { createNodeNetwork } from './node-network';
import type { PresentedCertificate } from './tls-probe';

/** The WHATWG fetch both hosts offer (Node's undici and Electron's net.fetch). */
export type HostFetch = (url: string, init: RequestInit) => Promise<Response>;

/** How a request to one URL leaves this computer, as the connection test reports it. */
export type NetworkRoute =
  | { kind: 'direct' }
  /** `proxy` has no credentials in it; `source` is where it was set (--proxy, HTTPS_PROXY…). */
  | { kind: 'proxy'; proxy: string; source: string }
  /** Chosen by the operating system (Electron: system settings or PAC), not known here. */
  | { kind: 'system' };

export interface NetworkStack {
  /** Which stack this is, for the connection test's evidence ("Node (undici)", "Chromium (Electron net)"). */
  name: string;
  fetch: HostFetch;
  routeFor(url: URL): NetworkRoute;
  /** Who issued the certificate this URL's server presents, read the way requests go (tls-probe.ts). */
  presentedCertificate(url: URL): Promise<PresentedCertificate | null>;
}

let installed: NetworkStack | null = null;

/** Called once by the host before the first request (the CLI after its options, Electron's core process). */
export function installNetworkStack(stack: NetworkStack): void {
  installed = stack;
}

export function networkStack(): NetworkStack {
  installed ??= createNodeNetwork({});
  return installed;
}

/** The host's fetch: what every request of the core calls instead of the global one. */
export function hostFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  return networkStack().fetch(String(url), init);
}

/** Strips user and password from a proxy URL, so it can be shown and logged. */
export function withoutCredentials(proxy: string): string {
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}
