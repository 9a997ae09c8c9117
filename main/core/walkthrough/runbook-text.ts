/** The runbook as plain text (and as Markdown): for e-mail, tickets and terminals. */
import type { Runbook } from './runbook';

const WIDTH = 78;

/** Greedy word wrap; a word longer than the line (a key, a URL) stays whole. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function renderRunbookText(runbook: Runbook): string {
  const { walkthrough } = runbook;
  const out: string[] = [
    runbook.title,
    '='.repeat(Math.min(runbook.title.length, WIDTH)),
    runbook.subtitle,
    runbook.generatedLine,
    '',
  ];
  for (const paragraph of runbook.intro) out.push(...wrap(paragraph, WIDTH), '');
  out.push(`${runbook.keyLabel}:`, '', `    ${walkthrough.key}`, '');
  for (const step of walkthrough.steps) {
    out.push(`[ ] ${step.number}. ${step.title}`);
    for (const paragraph of step.instructions) out.push(...wrap(paragraph, WIDTH - 7).map((line) => `       ${line}`));
    out.push('');
  }
  return out.join('\n');
}

/** Markdown with GitHub task-list boxes, so a ticket system renders the boxes. */
export function renderRunbookMarkdown(runbook: Runbook): string {
  const { walkthrough } = runbook;
  const out: string[] = [`# ${runbook.title}`, '', `**${runbook.subtitle}**`, '', `_${runbook.generatedLine}_`, ''];
  for (const paragraph of runbook.intro) out.push(paragraph, '');
  out.push(`## ${runbook.keyLabel}`, '', '```', walkthrough.key, '```', '', '## Steps', '');
  for (const step of walkthrough.steps) {
    out.push(`- [ ] **${step.number}. ${step.title}**`, '');
    for (const paragraph of step.instructions) out.push(`  ${paragraph}`, '');
  }
  return out.join('\n');
}
