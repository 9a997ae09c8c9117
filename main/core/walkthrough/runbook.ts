/**
 * The runbook a help desk prints or attaches to a change ticket: one data center, one Box
 * Admin Console generation, the key, every step with a box to tick, and when it was generated.
 * This module builds the content once; runbook-text/-markdown/-html/-pdf only lay it out.
 */
import {
  buildWalkthrough,
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
}

/** "2025-03-04 09:30 UTC": unambiguous for help desks in any time zone. */
export function formatGenerated(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function buildRunbook(choice: WalkthroughChoice, generated: Date): Runbook {
  const walkthrough = buildWalkthrough(choice);
  const { dataCenter, console: generation } = walkthrough;
  return {
    title: `Box allowlist runbook: ${dataCenter.displayName}`,
    subtitle: `${dataCenter.displayName} · Box Admin Console: ${generation.name} (${generation.era})`,
    generatedLine: `Generated ${formatGenerated(generated)} by ${APP_NAME} ${APP_VERSION}.`,
    intro: [
      `Security portal: ${dataCenter.hostPattern}.`,
      'Do these steps in the Box Admin Console, signed in as the Box Admin (not a Co-Admin). Tick each box as you go.',
    ],
    keyLabel: `Allowlist key for ${dataCenter.id} (${dataCenter.keyKind})`,
    walkthrough,
  };
}
