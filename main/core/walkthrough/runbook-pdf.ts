/**
 * The runbook as a printable A4 PDF: title, key in a large framed monospace line, then each
 * step with an empty box to tick, wrapped to the page, and "page N of M" at the foot.
 */
import { textWidth, type PdfFont } from './pdf-fonts';
import { A4, PdfPage, writePdf } from './pdf-writer';
import type { Runbook } from './runbook';
import { APP_NAME } from '../version';
import { EXPECT_LABEL } from '../../../common/allowlist';
import { portalErrorExplanation } from './runbook-text';

const MARGIN = 56;
const BOTTOM = 64;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;

/** Lays text out top to bottom, starting a new page when one is full. */
class Cursor {
  readonly pages: PdfPage[] = [new PdfPage()];
  y = A4.height - MARGIN;

  get page(): PdfPage {
    return this.pages[this.pages.length - 1]!;
  }

  /** Makes room for `height` points, on a new page if this one has not got it. */
  need(height: number): void {
    if (this.y - height < BOTTOM) {
      this.pages.push(new PdfPage());
      this.y = A4.height - MARGIN;
    }
  }

  lines(text: string, font: PdfFont, size: number, x = MARGIN, width = CONTENT_WIDTH): void {
    const leading = size * 1.35;
    for (const line of wrapToWidth(text, font, size, width)) {
      this.need(leading);
      this.y -= leading;
      this.page.text(x, this.y + size * 0.3, line, font, size);
    }
  }

  gap(points: number): void {
    this.y -= points;
  }
}

export function wrapToWidth(text: string, font: PdfFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, font, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

const INDENT = 30;

/** Each step with an empty box to tick, its instructions, and what the admin should see. */
function tickableSteps(
  cursor: Cursor,
  steps: readonly { number: number; title: string; instructions: readonly string[]; expect?: string }[],
): void {
  for (const step of steps) {
    // Keep a step's title with at least its first lines.
    cursor.need(60);
    cursor.gap(6);
    const titleTop = cursor.y;
    cursor.lines(`${step.number}. ${step.title}`, 'bold', 12, MARGIN + INDENT, CONTENT_WIDTH - INDENT);
    cursor.page.rectangle(MARGIN + 2, titleTop - 14, 13, 13, 1.2);
    const paragraphs = [...step.instructions, ...(step.expect ? [`${EXPECT_LABEL} ${step.expect}`] : [])];
    for (const paragraph of paragraphs) {
      cursor.lines(paragraph, 'regular', 10.5, MARGIN + INDENT, CONTENT_WIDTH - INDENT);
      cursor.gap(3);
    }
    cursor.gap(6);
  }
}

/** Part 2: the portal's steps, then its errors with our explanations. */
function portalPart(cursor: Cursor, runbook: Runbook): void {
  if (!runbook.portal) return;
  cursor.need(80);
  cursor.gap(12);
  cursor.lines(runbook.partHeadings.portal ?? '', 'bold', 14);
  tickableSteps(cursor, runbook.portal.steps);
  cursor.need(60);
  cursor.gap(8);
  cursor.lines(runbook.partHeadings.errors, 'bold', 12);
  for (const error of runbook.portal.errors) {
    cursor.need(40);
    cursor.gap(4);
    cursor.lines(error.message, 'bold', 10.5);
    cursor.lines(portalErrorExplanation(error), 'regular', 10.5, MARGIN + 12, CONTENT_WIDTH - 12);
  }
}

export function renderRunbookPdf(runbook: Runbook, generated: Date): Buffer {
  const cursor = new Cursor();
  const { walkthrough } = runbook;
  cursor.lines(runbook.title, 'bold', 18);
  cursor.lines(runbook.subtitle, 'regular', 11);
  cursor.lines(runbook.generatedLine, 'regular', 9);
  cursor.gap(10);
  for (const paragraph of runbook.intro) {
    cursor.lines(paragraph, 'regular', 10.5);
    cursor.gap(4);
  }
  cursor.gap(8);
  cursor.lines(`${runbook.keyLabel}:`, 'bold', 11);
  // The key on its own line, large and framed, so it is hard to misread when typed by hand.
  const keySize = 17;
  cursor.need(keySize * 2.2);
  cursor.gap(keySize * 1.8);
  cursor.page.rectangle(MARGIN, cursor.y - 8, textWidth(walkthrough.key, 'mono', keySize) + 20, keySize + 16, 1.5);
  cursor.page.text(MARGIN + 10, cursor.y, walkthrough.key, 'mono', keySize);
  cursor.gap(28);

  if (runbook.portal) cursor.lines(runbook.partHeadings.box, 'bold', 14);
  tickableSteps(cursor, walkthrough.steps);
  if (runbook.portal) portalPart(cursor, runbook);

  const total = cursor.pages.length;
  cursor.pages.forEach((page, index) =>
    page.text(MARGIN, 32, `${runbook.title} · page ${index + 1} of ${total}`, 'regular', 8),
  );
  return writePdf(cursor.pages, { title: runbook.title, creator: APP_NAME, created: generated });
}
