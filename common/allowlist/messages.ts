/**
 * The plain-language answers to a detection, shared by the UI and the CLI so both tell the
 * admin exactly the same thing. Runs everywhere.
 */
import { DATA_CENTERS, dataCenter } from './data-centers';
import type { Detection } from './detect';

export const WHERE_TO_FIND_THE_DATA_CENTER =
  'Paste the “API URL” from the security portal’s About page (for example https://tenant.us2.portal.cloudappsecurity.com), or the portal’s address from your browser. ' +
  'In the current portal, About is under Settings > Cloud Apps > System > About; in the older portal, open the “?” menu at the top right and choose About. ' +
  'About also shows the Region and Data center.';

export const GOVERNMENT_CLOUD_ANSWER =
  'This is a government cloud portal. No Box allowlist key is published for government clouds, so this app will not guess one: ask your security service’s support for the key to use.';

export function detectionMessage(detection: Detection): string {
  switch (detection.kind) {
    case 'found': {
      const center = dataCenter(detection.dataCenter);
      return `Data center: ${center.displayName}.`;
    }
    case 'government':
      return `${detection.host}: ${GOVERNMENT_CLOUD_ANSWER}`;
    case 'unknown-region': {
      const known = DATA_CENTERS.filter((center) => center.portalRegionLabel !== null)
        .map((center) => `“${center.portalRegionLabel}” is ${center.id}`)
        .join(', ');
      return `${detection.host} has the region “${detection.label}”, which is not a known data center (${known}). Check the address, then: ${WHERE_TO_FIND_THE_DATA_CENTER}`;
    }
    case 'unrecognised':
      return `${detection.host ? `${detection.host} is not a security portal address. ` : 'That is not an address. '}${WHERE_TO_FIND_THE_DATA_CENTER}`;
    case 'empty':
      return WHERE_TO_FIND_THE_DATA_CENTER;
  }
}
