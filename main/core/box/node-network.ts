/**
 * The CLI's and the harness's network stack, on undici: a proxy from --proxy, else from
 * HTTPS_PROXY / HTTP_PROXY (upper or lower case), skipped for hosts in NO_PROXY; trusted roots
 * Node's own, plus NODE_EXTRA_CA_CERTS, --ca-file and, with --system-ca, the OS store. One
 * keep-alive pool per route, shared by every request of the process.
 */
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import { Agent, fetch as undiciFetch, ProxyAgent, type Dispatcher } from 'undici';
import type { NetworkRoute, NetworkStack } from './network';
import { withoutCredentials } from './network';
import { pemCertificates, systemCertificates } from './system-ca';
import { presentedCertificate } from './tls-probe';

export interface NodeNetworkOptions {
  /** --proxy URL: used for every request instead of the environment's proxy. */
  proxy?: string;
  /** --ca-file FILE: PEM certificates to trust besides Node's own. */
  caFile?: string;
  /** --system-ca: trust the OS store too. */
  systemCa?: boolean;
  env?: NodeJS.ProcessEnv;
}

function firstSet(env: NodeJS.ProcessEnv, names: string[]): { value: string; name: string } | null {
  for (const name of names) {
    const value = env[name];
    if (value) return { value, name };
  }
  return null;
}

/** NO_PROXY: host names (a leading dot or `*.` matches subdomains), optional :port, or `*`. */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      if (raw === '*') return true;
      const [, name = '', entryPort] = /^(.*?)(?::(\d+))?$/.exec(raw.toLowerCase().replace(/^\*?\./, '.')) ?? [];
      if (entryPort && entryPort !== port) return false;
      const bare = name.replace(/^\./, '');
      return host === bare || host.endsWith(`.${bare}`);
    });
}

export function proxyRouteFor(url: URL, options: NodeNetworkOptions): NetworkRoute {
  const env = options.env ?? process.env;
  const noProxy = firstSet(env, ['no_proxy', 'NO_PROXY'])?.value ?? '';
  if (bypassesProxy(url, noProxy)) return { kind: 'direct' };
  if (options.proxy) return { kind: 'proxy', proxy: options.proxy, source: '--proxy' };
  const names =
    url.protocol === 'https:'
      ? ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
      : ['http_proxy', 'HTTP_PROXY'];
  const set = firstSet(env, names);
  return set ? { kind: 'proxy', proxy: set.value, source: set.name } : { kind: 'direct' };
}

/** Node's roots plus the extra ones; undefined (Node's defaults) when there are none. */
export function trustedRoots(options: NodeNetworkOptions): string[] | undefined {
  const env = options.env ?? process.env;
  const files = [env.NODE_EXTRA_CA_CERTS, options.caFile].filter((f): f is string => Boolean(f));
  const extra = files.flatMap((file) => pemCertificates(readFileSync(file, 'utf8')));
  if (options.caFile && extra.length === 0) throw new Error(`--ca-file ${options.caFile} holds no PEM certificate`);
  if (options.systemCa) extra.push(...systemCertificates().certificates);
  return extra.length ? [...tls.rootCertificates, ...extra] : undefined;
}

export function createNodeNetwork(options: NodeNetworkOptions): NetworkStack {
  const ca = trustedRoots(options);
  const direct = new Agent({ connect: { ca } });
  const viaProxy = new Map<string, Dispatcher>();
  const dispatcherFor = (route: NetworkRoute): Dispatcher => {
    if (route.kind !== 'proxy') return direct;
    let agent = viaProxy.get(route.proxy);
    if (!agent) {
      // http:// requests go to the proxy as absolute URIs (as curl and browsers send them), https:// by CONNECT.
      agent = new ProxyAgent({ uri: route.proxy, requestTls: { ca }, proxyTls: { ca }, proxyTunnel: false });
      viaProxy.set(route.proxy, agent);
    }
    return agent;
  };
  const routeFor = (url: URL): NetworkRoute => {
    const route = proxyRouteFor(url, options);
    return route.kind === 'proxy' ? { ...route, proxy: withoutCredentials(route.proxy) } : route;
  };
  return {
    name: 'Node (undici)',
    routeFor,
    presentedCertificate: (url) => {
      const route = proxyRouteFor(url, options);
      return presentedCertificate(url, route.kind === 'proxy' ? route.proxy : null);
    },
    fetch: (url, init) => {
      const dispatcher = dispatcherFor(proxyRouteFor(new URL(url), options));
      // undici's own fetch (Node 20's global one is an older undici that refuses this dispatcher).
      const call = undiciFetch as unknown as (u: string, i: object) => Promise<Response>;
      return call(url, { ...init, dispatcher });
    },
  };
}
