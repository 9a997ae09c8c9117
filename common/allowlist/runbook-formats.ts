/** The formats a runbook can be exported in (the CLI's --format, the bridge's exportRunbook). */
export const RUNBOOK_FORMATS = ['text', 'md', 'html', 'pdf'] as const;
export type RunbookFormat = (typeof RUNBOOK_FORMATS)[number];
