/**
 * The runbook a help desk prints or attaches to a change ticket: one data center, one Box
 * Admin Console generation, the key, every step with a box to tick, and when it was generated.
 * This module builds the content once; runbook-text/-markdown/-html/-pdf only lay it out.
 */
import {
  buildPortalHalf,
  buildWalkthrough,
  type PortalGeneration,
  type PortalHalf,
  type RunbookFormat,
  type Walkthrough,
  type WalkthroughChoice,
} from '../../../common/allowlist';
import { APP_NAME, APP_VERSION } from '../version';

export type { RunbookFormat };
export const RUNBOOK_EXTENSIONS: Record<RunbookFormat, string> = { text: 'txt', md: 'md', html: 'html', pdf: 'pdf' };

export interface Runbook {
  title: string;
  /** "EU2 (Europe) · Custom Apps console (2020–2023)" */
  subtitle: string;
  generatedLine: string;
  /** Short paragraphs before the steps. */
  intro: string[];
  keyLabel: string;
  walkthrough: Walkthrough;
  /** Part 2, in the security portal; null when no portal generation was chosen. */
  portal: PortalHalf | null;
  /** The headings of the two parts (part 2's only when there is a portal half). */
  partHeadings: { box: string; portal: string | null; errors: string };
}

/** A walkthrough choice plus, for part 2, the security portal's generation. */
export interface RunbookChoice extends WalkthroughChoice {
  portalGeneration?: PortalGeneration | null;
}

/** "2025-03-04 09:30 UTC": unambiguous for help desks in any time zone. */
export function formatGenerated(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function buildRunbook(choice: RunbookChoice, generated: Date): Runbook {
  const walkthrough = buildWalkthrough(choice);
  const portal = choice.portalGeneration ? buildPortalHalf(choice.portalGeneration) : null;
  const { dataCenter, console: generation } = walkthrough;
  return {
    title: `Box allowlist runbook: ${dataCenter.displayName}`,
    subtitle: `${dataCenter.displayName} · Box Admin Console: ${generation.name} (${generation.era})${portal ? ` · Security portal: ${portal.portal.name} (${portal.portal.era})` : ''}`,
    generatedLine: `Generated ${formatGenerated(generated)} by ${APP_NAME} ${APP_VERSION}.`,
    intro: [
      `Security portal: ${dataCenter.hostPattern}.`,
      portal
        ? 'Do part 1 in the Box Admin Console and part 2 in the security portal, signed in as the Box Admin (not a Co-Admin) in both. Tick each box as you go.'
        : 'Do these steps in the Box Admin Console, signed in as the Box Admin (not a Co-Admin). Tick each box as you go.',
    ],
    keyLabel: `Allowlist key for ${dataCenter.id} (${dataCenter.keyKind})`,
    walkthrough,
    portal,
    partHeadings: {
      box: portal ? 'Part 1: in the Box Admin Console' : 'Steps',
      portal: portal ? `Part 2: connect Box in the ${portal.portal.name} (${portal.portal.era})` : null,
      errors: 'If the portal shows an error',
    },
  };
}
