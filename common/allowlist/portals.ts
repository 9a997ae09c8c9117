/**
 * The three generations of the security portal where the admin connects Box after the Box
 * side is ready, and the one plain question that tells them apart: what the admin sees when the
 * portal opens. Modelled like the console generations (consoles.ts). Runs everywhere.
 */
import { rowById } from './row-by-id';

export const PORTAL_GENERATIONS = ['cas-2016', 'mdca-classic', 'defender'] as const;
export type PortalGeneration = (typeof PORTAL_GENERATIONS)[number];

export interface PortalGenerationInfo {
  id: PortalGeneration;
  name: string;
  era: string;
  /** The answer to PORTAL_QUESTION that picks this generation, in the admin's words. */
  whatYouSee: string;
  /** How many days of Box activity this generation pulls back after connecting. */
  eventDays: number;
}

export const PORTAL_QUESTION = 'What do you see when you open the security portal?';

/** Newest first, as for the consoles. */
export const PORTAL_GENERATION_INFO: readonly PortalGenerationInfo[] = [
  {
    id: 'defender',
    name: 'Microsoft Defender portal',
    era: 'current',
    whatYouSee: '“Microsoft Defender” at the top, and Cloud Apps under Settings in the left menu',
    eventDays: 7,
  },
  {
    id: 'mdca-classic',
    name: 'classic Defender for Cloud Apps portal',
    era: '2023',
    whatYouSee: '“Microsoft Defender for Cloud Apps” at the top, with Investigate > Connected apps in the menu',
    eventDays: 7,
  },
  {
    id: 'cas-2016',
    name: 'Cloud App Security portal',
    era: '2016',
    whatYouSee: '“Cloud App Security” at the top, with Investigate > Sanctioned apps in the menu',
    eventDays: 60,
  },
];

export function portalGenerationInfo(id: PortalGeneration): PortalGenerationInfo {
  return rowById(PORTAL_GENERATION_INFO, id, 'portal generation');
}
