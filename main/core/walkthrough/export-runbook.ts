/**
 * Writes a runbook file under `<home>/exports/` and says where: the CLI, the harness and the
 * desktop app share it (the desktop app may offer a save dialog on top later).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedRunbook } from '../../../common/bridge/contract';
import { buildRunbook, RUNBOOK_EXTENSIONS, type RunbookChoice, type RunbookFormat } from './runbook';
import { renderRunbookHtml } from './runbook-html';
import { renderRunbookPdf } from './runbook-pdf';
import { renderRunbookMarkdown, renderRunbookText } from './runbook-text';

export function renderRunbook(choice: RunbookChoice, format: RunbookFormat, generated: Date = new Date()): Buffer {
  const runbook = buildRunbook(choice, generated);
  switch (format) {
    case 'text':
      return Buffer.from(renderRunbookText(runbook), 'utf8');
    case 'md':
      return Buffer.from(renderRunbookMarkdown(runbook), 'utf8');
    case 'html':
      return Buffer.from(renderRunbookHtml(runbook), 'utf8');
    case 'pdf':
      return renderRunbookPdf(runbook, generated);
  }
}

export function exportRunbook(
  home: string,
  choice: RunbookChoice,
  format: RunbookFormat,
  generated: Date = new Date(),
): ExportedRunbook {
  const content = renderRunbook(choice, format, generated);
  const folder = join(home, 'exports');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = generated.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const path = join(
    folder,
    `allowlist-runbook-${choice.dataCenter}-${choice.consoleGeneration}${choice.portalGeneration ? `-${choice.portalGeneration}` : ''}-${stamp}.${RUNBOOK_EXTENSIONS[format]}`,
  );
  writeFileSync(path, content, { mode: 0o600 });
  return { path, format, bytes: content.length };
}
