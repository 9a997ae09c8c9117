/**
 * The four generations of the Box Admin Console, and the one plain question that tells them
 * apart: what the admin sees in the console's left-hand menu. Runs everywhere.
 */
import { rowById } from './row-by-id';

export const CONSOLE_GENERATIONS = ['classic', 'custom-apps', 'apps-manager', 'platform'] as const;
export type ConsoleGeneration = (typeof CONSOLE_GENERATIONS)[number];

export interface ConsoleGenerationInfo {
  id: ConsoleGeneration;
  /** Short name for headings and the runbook. */
  name: string;
  /** Roughly when Box shipped this layout. */
  era: string;
  /** The answer to LEFT_MENU_QUESTION that picks this generation, in the admin's words. */
  leftMenuAnswer: string;
}

export const LEFT_MENU_QUESTION = 'What do you see in the left-hand menu of the Box Admin Console?';

/** Newest first: most admins today see the newest console. */
export const CONSOLE_GENERATION_INFO: readonly ConsoleGenerationInfo[] = [
  {
    id: 'platform',
    name: 'Platform Apps console',
    era: 'newest',
    leftMenuAnswer: 'An entry called “Platform”',
  },
  {
    id: 'apps-manager',
    name: 'Custom Apps Manager console',
    era: 'after 2023',
    leftMenuAnswer: '“Apps” or “Integrations”, with “Custom Apps Manager” or “Platform Apps Manager” inside',
  },
  {
    id: 'custom-apps',
    name: 'Custom Apps console',
    era: '2020–2023',
    leftMenuAnswer: '“Apps”, and inside it a “Custom Apps” tab with “Settings”',
  },
  {
    id: 'classic',
    name: 'Classic console',
    era: 'before 2020',
    leftMenuAnswer: 'No such menu: settings open from a gear icon (“Enterprise Settings” or “Business Settings”)',
  },
];

export function consoleGenerationInfo(id: ConsoleGeneration): ConsoleGenerationInfo {
  return rowById(CONSOLE_GENERATION_INFO, id, 'console generation');
}
