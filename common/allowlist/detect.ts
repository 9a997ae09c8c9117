/**
 * Works out the data center from whatever the admin pastes: a portal URL, the About page's
 * "API URL" (with or without its label), a bare host, with or without scheme, path, port,
 * query or trailing dot, in any letter case. Runs everywhere: no Node, no DOM.
 */
import { ADALLOM_DOMAIN, DATA_CENTERS, PORTAL_DOMAIN, isDataCenterId, type DataCenterId } from './data-centers';

/** Government clouds: real, but no Box key is published for them. */
export const GOVERNMENT_DOMAINS = ['cloudappsecurity.us', 'cloudappsecuritygov.com'] as const;

export type Detection =
  | { kind: 'found'; dataCenter: DataCenterId; host: string | null }
  | { kind: 'government'; host: string }
  /** A commercial portal host whose region label we do not know (e.g. `us1`). */
  | { kind: 'unknown-region'; host: string; label: string }
  | { kind: 'unrecognised'; host: string | null }
  | { kind: 'empty' };

/** Pulls the host out of one pasted value; null when there is nothing host-like in it. */
export function extractHost(pasted: string): string | null {
  // The About page is often copied with its label ("API URL: https://…"), or with quotes or
  // angle brackets around it: keep the first token that looks like a host or URL.
  const tokens = pasted.split(/[\s"'“”‘’«»<>()[\]]+/).filter((token) => token.includes('.'));
  const token = tokens[0];
  if (token === undefined) return null;
  let rest = token.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  rest = rest.split(/[/?#\\]/, 1)[0] ?? '';
  rest = rest.slice(rest.lastIndexOf('@') + 1); // drop user:password@
  rest = rest.replace(/:\d*$/, ''); // drop :port
  const host = rest.toLowerCase().replace(/\.+$/, ''); // a trailing dot is still the same host
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  return host;
}

function isOnDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain);
}

export function detectDataCenter(pasted: string): Detection {
  const trimmed = pasted.trim();
  if (trimmed === '') return { kind: 'empty' };
  // The About page's "Data center" field, typed as is ("US2", "eu1").
  const asId = trimmed.toUpperCase();
  if (isDataCenterId(asId) && asId !== 'ADALLOM') return { kind: 'found', dataCenter: asId, host: null };

  const host = extractHost(trimmed);
  if (host === null) return { kind: 'unrecognised', host: null };
  if (GOVERNMENT_DOMAINS.some((domain) => isOnDomain(host, domain))) return { kind: 'government', host };
  if (isOnDomain(host, ADALLOM_DOMAIN)) return { kind: 'found', dataCenter: 'ADALLOM', host };
  if (host.endsWith('.' + PORTAL_DOMAIN)) {
    const labels = host.slice(0, -(PORTAL_DOMAIN.length + 1)).split('.');
    const label = labels[labels.length - 1] ?? '';
    const match = DATA_CENTERS.find((candidate) => candidate.portalRegionLabel === label);
    return match ? { kind: 'found', dataCenter: match.id, host } : { kind: 'unknown-region', host, label };
  }
  return { kind: 'unrecognised', host };
}
