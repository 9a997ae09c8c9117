/**
 * Excel (xlsx, xlsm, xltx): every cell's text is its own segment ("Payroll!B7"), shared strings
 * resolved (xl/sharedStrings.xml, phonetic runs left out) and inline strings too. Sheets are
 * named from xl/workbook.xml through its relationships. Runs in the extractor process.
 */
import { segment, type ReadContext } from '../read-context';
import { columnLetters, readPackageParts, requirePart, type PackageParts } from './package-parts';
import { parseXml } from './xml';

const WORKBOOK = 'xl/workbook.xml';
const RELS = 'xl/_rels/workbook.xml.rels';
const SHARED = 'xl/sharedStrings.xml';
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

export async function readXlsx(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const pkg = await readPackageParts(bytes, ctx, (n) => n === WORKBOOK || n === RELS || n === SHARED || SHEET.test(n));
  const shared = pkg.parts.has(SHARED) ? sharedStrings(pkg.parts.get(SHARED)!) : [];
  for (const { name, part } of sheetsInOrder(pkg)) readSheet(pkg.parts.get(part)!, part, name, shared, ctx);
}

/** The workbook's sheets in tab order: name and part path. */
function sheetsInOrder(pkg: PackageParts): { name: string; part: string }[] {
  const targets = new Map<string, string>();
  if (pkg.parts.has(RELS))
    parseXml(pkg.parts.get(RELS)!, RELS, {
      open(name, a) {
        if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, a.Target);
      },
    });
  const sheets: { name: string; part: string }[] = [];
  parseXml(requirePart(pkg, WORKBOOK, 'workbook'), WORKBOOK, {
    open(name, a) {
      const target = a['r:id'] ? targets.get(a['r:id']) : undefined;
      if (name === 'sheet' && a.name && target) sheets.push({ name: a.name, part: partPath(target) });
    },
  });
  return sheets.filter((s) => pkg.parts.has(s.part));
}

function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function sharedStrings(xml: Uint8Array): string[] {
  const out: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  parseXml(xml, SHARED, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = true;
    },
    close(name) {
      if (name === 'si') out.push(current);
      else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && !phonetic) current += text;
    },
  });
  return out;
}

function readSheet(xml: Uint8Array, part: string, sheet: string, shared: string[], ctx: ReadContext): void {
  let row = 0;
  let column = 0;
  let cell: { ref: string; type: string; text: string } | null = null;
  let capture = false;
  parseXml(xml, part, {
    open(name, a) {
      if (name === 'row') [row, column] = [a.r ? Number(a.r) : row + 1, 0];
      else if (name === 'c') {
        column = a.r ? columnNumber(a.r) : column + 1;
        cell = { ref: a.r ?? `${columnLetters(column)}${row}`, type: a.t ?? 'n', text: '' };
      } else if (cell && (name === 'v' || name === 't')) capture = true;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'c' && cell) {
        const text = cell.type === 's' ? (shared[Number(cell.text)] ?? '') : cell.text;
        segment(ctx, `${sheet}!${cell.ref}`, text);
        cell = null;
      }
    },
    text(text) {
      if (capture && cell) cell.text += text;
    },
  });
}

function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    if (ch < 'A' || ch > 'Z') break;
    n = n * 26 + ch.charCodeAt(0) - 64;
  }
  return n;
}
