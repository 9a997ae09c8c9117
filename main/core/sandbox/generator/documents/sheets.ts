/**
 * The model as spreadsheet rows, shared by xlsx and ods: paragraphs become one-cell rows, table
 * rows four cells (the amount a number), spread over one to three named sheets.
 */
import { Rng } from '../prng';
import type { DocModel } from './model';

export type Cell = { text: string } | { number: number };
export interface Sheet {
  name: string;
  rows: Cell[][];
}

const SHEET_NAMES = ['Summary', 'Payroll', 'Customers', 'Vendors', 'Q3 Detail', 'Notes'];

export function sheetsOf(m: DocModel): Sheet[] {
  const r = new Rng(m.shape);
  const count = 1 + r.int(3);
  const first = r.int(SHEET_NAMES.length);
  const sheets: Sheet[] = [];
  for (let i = 0; i < count; i++)
    sheets.push({ name: SHEET_NAMES[(first + i) % SHEET_NAMES.length] ?? 'Sheet', rows: [] });
  m.blocks.forEach((b, i) => {
    const sheet = sheets[Math.floor((i * count) / m.blocks.length)] ?? sheets[0];
    if (!sheet) return;
    if (b.kind === 'para') sheet.rows.push([{ text: b.text }]);
    else
      for (const row of b.rows) {
        const amount = Number(row[3]);
        sheet.rows.push([
          ...row.slice(0, 3).map((text) => ({ text })),
          Number.isFinite(amount) ? { number: amount } : { text: row[3] ?? '' },
        ]);
      }
  });
  return sheets;
}

/** A1-style column letters (A..Z is enough: at most four columns). */
export function colName(i: number): string {
  return String.fromCharCode(65 + i);
}

/** Box's text of a workbook: a row's cells tab-separated, rows and sheets on their own lines. */
export function sheetsText(sheets: Sheet[]): string {
  const lines: string[] = [];
  for (const s of sheets) {
    for (const row of s.rows) lines.push(row.map((c) => ('text' in c ? c.text : String(c.number))).join('\t'));
  }
  return lines.join('\n');
}
