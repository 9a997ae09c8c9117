/**
 * OpenDocument (odt, ods, odp): content.xml, with the same places as their Office twins.
 * Text: every text:p / text:h is a paragraph ("paragraph N", table cells included), spans joined
 * with '', text:s / text:tab / text:line-break as the spaces they stand for. Spreadsheet: each
 * non-empty cell is a segment ("Sheet1!B7", repeated rows and columns counted). Presentation:
 * each draw:page is a slide, its paragraphs '\n' separated. Runs in the extractor process.
 */
import { segment, type ReadContext } from '../read-context';
import { columnLetters, readPackageParts, requirePart } from './package-parts';
import { parseXml } from './xml';

const CONTENT = 'content.xml';
export type OdfKind = 'text' | 'spreadsheet' | 'presentation';

/** Collects the text of paragraphs, nested ones (notes, frames) on their own. */
class ParagraphText {
  private open: string[] = [];

  onOpen(name: string, a: Record<string, string>): void {
    if (name === 'text:p' || name === 'text:h') this.open.push('');
    else if (!this.open.length) return;
    else if (name === 'text:s') this.append(' '.repeat(Math.min(Number(a['text:c'] ?? 1) || 1, 1000)));
    else if (name === 'text:tab') this.append('\t');
    else if (name === 'text:line-break') this.append('\n');
  }
  /** The paragraph's text when it closes one, else null. */
  onClose(name: string): string | null {
    return (name === 'text:p' || name === 'text:h') && this.open.length ? this.open.pop()! : null;
  }
  append(text: string): void {
    if (this.open.length) this.open[this.open.length - 1] += text;
  }
}

export async function readOdf(kind: OdfKind, bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const pkg = await readPackageParts(bytes, ctx, (name) => name === CONTENT);
  const xml = requirePart(pkg, CONTENT, 'OpenDocument file');
  if (kind === 'spreadsheet') return readCells(xml, ctx);
  const text = new ParagraphText();
  let paragraph = 0;
  let slide = 0;
  let slideText: string[] = [];
  parseXml(xml, CONTENT, {
    open(name, a) {
      if (name === 'draw:page') [slide, slideText] = [slide + 1, []];
      text.onOpen(name, a);
    },
    close(name) {
      const done = text.onClose(name);
      if (done !== null && kind === 'text') segment(ctx, `paragraph ${++paragraph}`, done);
      else if (done !== null) slideText.push(done);
      if (name === 'draw:page') segment(ctx, `slide ${slide}`, slideText.join('\n'));
    },
    text: (t) => text.append(t),
  });
}

function readCells(xml: Uint8Array, ctx: ReadContext): void {
  const text = new ParagraphText();
  let sheet = '';
  let sheets = 0;
  let row = 0;
  let rowRepeat = 1;
  let column = 0;
  let cell: { repeat: number; lines: string[] } | null = null;
  const isCell = (name: string) => name === 'table:table-cell' || name === 'table:covered-table-cell';
  parseXml(xml, CONTENT, {
    open(name, a) {
      if (name === 'table:table') [sheet, row, rowRepeat] = [a['table:name'] ?? `Sheet${++sheets}`, 0, 1];
      else if (name === 'table:table-row') {
        [row, column] = [row + rowRepeat, 0];
        rowRepeat = Number(a['table:number-rows-repeated'] ?? 1) || 1;
      } else if (isCell(name)) cell = { repeat: Number(a['table:number-columns-repeated'] ?? 1) || 1, lines: [] };
      text.onOpen(name, a);
    },
    close(name) {
      const done = text.onClose(name);
      if (done !== null) cell?.lines.push(done);
      if (!isCell(name) || !cell) return;
      const value = cell.lines.join('\n');
      for (let r = 0; value && r < Math.min(rowRepeat, 1000); r++)
        for (let c = 1; c <= Math.min(cell.repeat, 1000); c++)
          segment(ctx, `${sheet}!${columnLetters(column + c)}${row + r}`, value);
      column += cell.repeat;
      cell = null;
    },
    text: (t) => text.append(t),
  });
}
