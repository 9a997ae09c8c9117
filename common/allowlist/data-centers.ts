/**
 * The security service's data centers and the Box allowlist key each one uses. This table is
 * the ONLY place the keys appear in the code (a unit test checks it): everything else, the UI,
 * the runbooks and the tests, reads them from here. Runs everywhere: no Node, no DOM.
 */
import { rowById } from './row-by-id';

export const DATA_CENTER_IDS = ['US1', 'US2', 'US3', 'EU1', 'EU2', 'ADALLOM'] as const;
export type DataCenterId = (typeof DATA_CENTER_IDS)[number];

export interface DataCenter {
  id: DataCenterId;
  /** What the admin sees in lists and headings. */
  displayName: string;
  /** The key to paste into Box's "Except for" list (a Box OAuth client ID). */
  allowlistKey: string;
  /** What kind of value the key is, for the runbook's wording. */
  keyKind: 'client ID' | 'app serial number';
  /** The portal host as the admin would recognise it, for explanations. */
  hostPattern: string;
  /**
   * The host label that names the region in `<tenant>.<label>.portal.cloudappsecurity.com`;
   * null for the legacy console, which is recognised by its own domain instead.
   */
  portalRegionLabel: string | null;
}

/** The legacy console's domain: any host on it (or the domain itself) is the legacy console. */
export const ADALLOM_DOMAIN = 'adallom.com';
/** The commercial portal's domain, under which the region label sits. */
export const PORTAL_DOMAIN = 'portal.cloudappsecurity.com';

export const DATA_CENTERS: readonly DataCenter[] = [
  {
    id: 'US1',
    displayName: 'US1 (United States)',
    allowlistKey: 'nduj1o3yavu30dii7e03c3n7p49cj2qh',
    keyKind: 'client ID',
    hostPattern: '<tenant>.us.portal.cloudappsecurity.com',
    portalRegionLabel: 'us',
  },
  {
    id: 'US2',
    displayName: 'US2 (United States)',
    allowlistKey: 'w0ouf1apiii9z8o0r6kpr4nu1pvyec75',
    keyKind: 'client ID',
    hostPattern: '<tenant>.us2.portal.cloudappsecurity.com',
    portalRegionLabel: 'us2',
  },
  {
    id: 'US3',
    displayName: 'US3 (United States)',
    allowlistKey: 'dmcyvu1s9284i2u6gw9r2kb0hhve4a0r',
    keyKind: 'client ID',
    hostPattern: '<tenant>.us3.portal.cloudappsecurity.com',
    portalRegionLabel: 'us3',
  },
  {
    id: 'EU1',
    displayName: 'EU1 (Europe)',
    allowlistKey: 'me9cm6n7kr4mfz135yt0ab9f5k4ze8qp',
    keyKind: 'client ID',
    hostPattern: '<tenant>.eu.portal.cloudappsecurity.com',
    portalRegionLabel: 'eu',
  },
  {
    id: 'EU2',
    displayName: 'EU2 (Europe)',
    allowlistKey: 'uwdy5r40t7jprdlzo85v8suw1l4cdsbf',
    keyKind: 'client ID',
    hostPattern: '<tenant>.eu2.portal.cloudappsecurity.com',
    portalRegionLabel: 'eu2',
  },
  {
    id: 'ADALLOM',
    displayName: 'Legacy Adallom console',
    allowlistKey: 'bwahmilhdlpbqy2ongkl119o3lrkoshc',
    keyKind: 'app serial number',
    hostPattern: `a console URL on an ${ADALLOM_DOMAIN} host`,
    portalRegionLabel: null,
  },
];

export function dataCenter(id: DataCenterId): DataCenter {
  return rowById(DATA_CENTERS, id, 'data center');
}

export function isDataCenterId(value: unknown): value is DataCenterId {
  return typeof value === 'string' && (DATA_CENTER_IDS as readonly string[]).includes(value);
}
