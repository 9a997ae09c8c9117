/**
 * Excel workbooks (xlsx, xlsm): SpreadsheetML with a shared-string table (some entries as rich
 * text split into runs) and some inline strings, the way Excel and other writers mix them.
 */
import type { Rng } from '../prng';
import { splitRuns, type DocModel } from './model';
import { colName, sheetsOf, type Sheet } from './sheets';
import { appProps, contentTypes, coreProps, packageRels } from './docx';
import { esc, writeZip, XML_HEAD } from './xml';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MAIN_TYPE: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
};
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

class SharedStrings {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly r: Rng) {}
  add(text: string): number {
    const hit = this.index.get(text);
    if (hit !== undefined) return hit;
    const pieces = splitRuns(text, this.r);
    const si =
      pieces.length === 1
        ? `<si><t xml:space="preserve">${esc(text)}</t></si>`
        : `<si>${pieces.map((p, i) => `<r>${i % 2 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${esc(p)}</t></r>`).join('')}</si>`;
    this.index.set(text, this.items.length);
    this.items.push(si);
    return this.items.length - 1;
  }
  xml(): string {
    return `${XML_HEAD}<sst xmlns="${NS}" count="${this.items.length}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

function sheetXml(s: Sheet, sst: SharedStrings, r: Rng): string {
  let rows = '';
  s.rows.forEach((row, y) => {
    let cells = '';
    row.forEach((c, x) => {
      const ref = `${colName(x)}${y + 1}`;
      if ('number' in c) cells += `<c r="${ref}"><v>${c.number}</v></c>`;
      else if (r.chance(0.15))
        cells += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(c.text)}</t></is></c>`;
      else cells += `<c r="${ref}" t="s"><v>${sst.add(c.text)}</v></c>`;
    });
    rows += `<row r="${y + 1}">${cells}</row>`;
  });
  return `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetData>${rows}</sheetData></worksheet>`;
}

const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

export function writeXlsx(m: DocModel, ext: 'xlsx' | 'xlsm'): Buffer {
  const sheets = sheetsOf(m);
  const sst = new SharedStrings(m.layout);
  const sheetParts = sheets.map((s) => sheetXml(s, sst, m.layout));
  const overrides: Record<string, string> = {
    '/xl/workbook.xml': MAIN_TYPE[ext] ?? '',
    '/xl/sharedStrings.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
    '/xl/styles.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  };
  sheets.forEach((_, i) => (overrides[`/xl/worksheets/sheet${i + 1}.xml`] = SHEET_TYPE));
  const workbook =
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${R}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const n = sheets.length;
  const rels =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${R}/styles" Target="styles.xml"/></Relationships>`;
  return writeZip([
    { path: '[Content_Types].xml', data: contentTypes(overrides) },
    { path: '_rels/.rels', data: packageRels('xl/workbook.xml') },
    { path: 'docProps/core.xml', data: coreProps(m.title) },
    { path: 'docProps/app.xml', data: appProps('Microsoft Excel') },
    { path: 'xl/workbook.xml', data: workbook },
    { path: 'xl/_rels/workbook.xml.rels', data: rels },
    ...sheetParts.map((data, i) => ({ path: `xl/worksheets/sheet${i + 1}.xml`, data })),
    { path: 'xl/sharedStrings.xml', data: sst.xml() },
    { path: 'xl/styles.xml', data: STYLES },
  ]);
}
