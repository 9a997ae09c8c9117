/** The runbook as plain text (and as Markdown): for e-mail, tickets and terminals. */
import { CHECK_TITLES } from '../../../common/conntest';
import { EXPECT_LABEL, type PortalError } from '../../../common/allowlist';
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
  if (runbook.portal) out.push(runbook.partHeadings.box, '-'.repeat(runbook.partHeadings.box.length), '');
  const indented = (paragraph: string) => wrap(paragraph, WIDTH - 7).map((line) => `       ${line}`);
  for (const step of walkthrough.steps) {
    out.push(`[ ] ${step.number}. ${step.title}`);
    for (const paragraph of step.instructions) out.push(...indented(paragraph));
    out.push('');
  }
  if (runbook.portal) out.push(...portalText(runbook, indented));
  return out.join('\n');
}

/** Our explanation of a portal error, with the check of this app's test that covers it. */
export function portalErrorExplanation(error: PortalError): string {
  const check = error.ourCheck ? ` This app’s check: “${CHECK_TITLES[error.ourCheck]}”.` : '';
  return `${error.meaning} ${error.whatToDo}${check}`;
}

function portalText(runbook: Runbook, indented: (paragraph: string) => string[]): string[] {
  const heading = runbook.partHeadings.portal!;
  const out: string[] = [heading, '-'.repeat(Math.min(heading.length, WIDTH)), ''];
  for (const step of runbook.portal!.steps) {
    out.push(`[ ] ${step.number}. ${step.title}`);
    for (const paragraph of step.instructions) out.push(...indented(paragraph));
    out.push(...indented(`${EXPECT_LABEL} ${step.expect}`), '');
  }
  out.push(runbook.partHeadings.errors, '-'.repeat(runbook.partHeadings.errors.length), '');
  for (const error of runbook.portal!.errors) {
    out.push(
      ...wrap(`* ${error.message}`, WIDTH),
      ...wrap(portalErrorExplanation(error), WIDTH - 2).map((l) => `  ${l}`),
      '',
    );
  }
  return out;
}

/** Markdown with GitHub task-list boxes, so a ticket system renders the boxes. */
export function renderRunbookMarkdown(runbook: Runbook): string {
  const { walkthrough } = runbook;
  const out: string[] = [`# ${runbook.title}`, '', `**${runbook.subtitle}**`, '', `_${runbook.generatedLine}_`, ''];
  for (const paragraph of runbook.intro) out.push(paragraph, '');
  out.push(`## ${runbook.keyLabel}`, '', '```', walkthrough.key, '```', '', `## ${runbook.partHeadings.box}`, '');
  for (const step of walkthrough.steps) {
    out.push(`- [ ] **${step.number}. ${step.title}**`, '');
    for (const paragraph of step.instructions) out.push(`  ${paragraph}`, '');
  }
  if (runbook.portal) {
    out.push(`## ${runbook.partHeadings.portal}`, '');
    for (const step of runbook.portal.steps) {
      out.push(`- [ ] **${step.number}. ${step.title}**`, '');
      for (const paragraph of step.instructions) out.push(`  ${paragraph}`, '');
      out.push(`  _${EXPECT_LABEL}_ ${step.expect}`, '');
    }
    out.push(`### ${runbook.partHeadings.errors}`, '');
    for (const error of runbook.portal.errors) out.push(`- **${error.message}**: ${portalErrorExplanation(error)}`);
    out.push('');
  }
  return out.join('\n');
}
