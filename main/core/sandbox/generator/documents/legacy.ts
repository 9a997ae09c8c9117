/**
 * The formats only Box's text representation reads in this product: legacy Office (doc, xls,
 * ppt) and Outlook mail (msg) as CFB containers of pseudo content, a real small RTF, Box Notes
 * (JSON) and Google Docs pointers (JSON). Their text is what Box's extracted_text serves.
 */
import type { Rng } from '../prng';
import { linesOf, type DocModel } from './model';
import { writeCfb } from './cfb';

const MAIN_STREAM: Record<string, string> = {
  doc: 'WordDocument',
  xls: 'Workbook',
  ppt: 'PowerPoint Document',
  msg: '__substg1.0_1000001F',
};

function pseudoBytes(r: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i += 4) b.writeUInt32LE(Math.floor(r.next() * 0x100000000), i);
  return b;
}

export const LEGACY_EXTENSIONS = new Set(['doc', 'xls', 'ppt', 'msg', 'rtf', 'boxnote', 'gdoc']);

function rtfEscape(s: string): string {
  return s.replace(/[\\{}]/g, (c) => '\\' + c);
}

export function writeLegacy(m: DocModel, ext: string, k: number, version: number): Buffer {
  const lines = linesOf(m);
  if (ext === 'rtf')
    return Buffer.from(
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}\\f0\\fs20\n' +
        lines.map((l) => `${rtfEscape(l)}\\par\n`).join('') +
        '}\n',
      'latin1',
    );
  if (ext === 'boxnote') {
    const content = lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
    return Buffer.from(JSON.stringify({ version: 1, schema_version: 1, doc: { type: 'doc', content } }));
  }
  if (ext === 'gdoc') {
    const id = `1${k.toString(36).padStart(10, '0')}${(m.shape >>> 0).toString(36)}`;
    return Buffer.from(
      JSON.stringify({
        url: `https://docs.google.com/document/d/${id}/edit`,
        doc_id: id,
        resource_id: `document:${id}`,
        revision: version + 1,
      }),
    );
  }
  // A binary header of pseudo content, then the text as 8-bit characters (Word 97 stores text
  // this way when it can): what Box's extractor reads, and an edit changes the bytes.
  const text = Buffer.from(lines.join('\r'), 'latin1');
  const data = Buffer.concat([pseudoBytes(m.layout, 1536 + 512 * m.layout.int(4)), text]);
  const streams = [{ name: MAIN_STREAM[ext] ?? 'Contents', data }];
  return writeCfb(streams);
}

/** What Box's extracted_text serves for these: the lines of the document. */
export function legacyText(m: DocModel): string {
  return linesOf(m).join('\n');
}
