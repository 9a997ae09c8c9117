/**
 * Test-side readers for the sandbox's generated documents, written from the formats' rules with
 * well-kept libraries (fflate, saxes, pdf.js, postal-mime), independent of the generator: they
 * follow t14's joining rules, so what they read is what a correct extractor reads.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import PostalMime from 'postal-mime';
import { detect, type Findings } from '../../common/scan/detectors';

export type Segments = { where: string; text: string }[];

/** Calls `on` for each element and text, with the open-element path; no DTD, no entities. */
function walkXml(
  xml: string,
  h: {
    open?(name: string, attrs: Record<string, string>): void;
    close?(name: string): void;
    text?(t: string, path: string[]): void;
  },
): void {
  const parser = new SaxesParser({ xmlns: false });
  const path: string[] = [];
  parser.on('doctype', () => {
    throw new Error('DOCTYPE in document XML');
  });
  parser.on('opentag', (t) => {
    path.push(t.name);
    h.open?.(t.name, t.attributes as Record<string, string>);
    if (t.isSelfClosing) {
      path.pop();
      h.close?.(t.name);
    }
  });
  parser.on('closetag', (t) => {
    if (t.isSelfClosing) return;
    path.pop();
    h.close?.(t.name);
  });
  parser.on('text', (t) => h.text?.(t, path));
  parser.write(xml).close();
}

/** Paragraph texts: runs concatenated inside `para`, text taken from `textEl` elements only. */
function paragraphs(xml: string, para: string, textEl: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  walkXml(xml, {
    open: (n) => {
      if (n === para) cur = '';
      if (n === 'text:s' && cur !== null) cur += ' ';
    },
    close: (n) => {
      if (n === para && cur !== null) {
        out.push(cur);
        cur = null;
      }
    },
    text: (t, path) => {
      if (cur !== null && (path.includes(textEl) || textEl === '*')) cur += t;
    },
  });
  return out;
}

const file = (z: Record<string, Uint8Array>, p: string) => {
  const f = z[p];
  if (!f) throw new Error(`missing part ${p}`);
  return strFromU8(f);
};

function relTargets(z: Record<string, Uint8Array>, relsPath: string, base: string): Map<string, string> {
  const m = new Map<string, string>();
  walkXml(file(z, relsPath), {
    open: (n, a) => {
      if (n === 'Relationship') m.set(a.Id ?? '', base + (a.Target ?? ''));
    },
  });
  return m;
}

export function docxSegments(z: Record<string, Uint8Array>): Segments {
  return paragraphs(file(z, 'word/document.xml'), 'w:p', 'w:t').map((text, i) => ({
    where: `paragraph ${i + 1}`,
    text,
  }));
}

export function xlsxSegments(z: Record<string, Uint8Array>): Segments {
  const shared = z['xl/sharedStrings.xml'] ? paragraphs(file(z, 'xl/sharedStrings.xml'), 'si', 't').map((s) => s) : [];
  const targets = relTargets(z, 'xl/_rels/workbook.xml.rels', 'xl/');
  const sheets: { name: string; path: string }[] = [];
  walkXml(file(z, 'xl/workbook.xml'), {
    open: (n, a) => {
      if (n === 'sheet') sheets.push({ name: a.name ?? '', path: targets.get(a['r:id'] ?? '') ?? '' });
    },
  });
  const out: Segments = [];
  for (const s of sheets) {
    let cell: { ref: string; type: string; text: string } | null = null;
    walkXml(file(z, s.path), {
      open: (n, a) => {
        if (n === 'c') cell = { ref: a.r ?? '', type: a.t ?? 'n', text: '' };
      },
      close: (n) => {
        if (n !== 'c' || !cell) return;
        const text = cell.type === 's' ? (shared[Number(cell.text)] ?? '') : cell.text;
        out.push({ where: `${s.name}!${cell.ref}`, text });
        cell = null;
      },
      text: (t, path) => {
        const last = path[path.length - 1];
        if (cell && (last === 'v' || (last === 't' && path.includes('is')))) cell.text += t;
      },
    });
  }
  return out;
}

export function pptxSegments(z: Record<string, Uint8Array>): Segments {
  const targets = relTargets(z, 'ppt/_rels/presentation.xml.rels', 'ppt/');
  const slides: string[] = [];
  walkXml(file(z, 'ppt/presentation.xml'), {
    open: (n, a) => {
      if (n === 'p:sldId') slides.push(targets.get(a['r:id'] ?? '') ?? '');
    },
  });
  return slides.map((p, i) => ({ where: `slide ${i + 1}`, text: paragraphs(file(z, p), 'a:p', 'a:t').join('\n') }));
}

export function odfSegments(z: Record<string, Uint8Array>, ext: string): Segments {
  const xml = file(z, 'content.xml');
  if (ext === 'odt') return paragraphs(xml, 'text:p', '*').map((text, i) => ({ where: `paragraph ${i + 1}`, text }));
  if (ext === 'ods')
    return paragraphs(xml, 'table:table-cell', '*').map((text, i) => ({ where: `cell ${i + 1}`, text }));
  const pages: Segments = [];
  let page: string[] | null = null;
  let para: string | null = null;
  walkXml(xml, {
    open: (n) => {
      if (n === 'draw:page') page = [];
      if (n === 'text:p') para = '';
    },
    close: (n) => {
      if (n === 'text:p' && page && para !== null) page.push(para);
      if (n === 'draw:page' && page) pages.push({ where: `slide ${pages.length + 1}`, text: page.join('\n') });
    },
    text: (t) => {
      if (para !== null) para += t;
    },
  });
  return pages;
}

export function sumFindings(segments: Segments): Findings {
  const total = detect('');
  for (const s of segments) {
    const f = detect(s.text);
    for (const k of Object.keys(total) as (keyof Findings)[]) total[k] += f[k];
  }
  return total;
}

export function officeSegments(bytes: Uint8Array, ext: string): Segments {
  const z = unzipSync(bytes);
  if (ext.startsWith('doc')) return docxSegments(z);
  if (ext.startsWith('xls')) return xlsxSegments(z);
  if (ext.startsWith('ppt')) return pptxSegments(z);
  return odfSegments(z, ext);
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
export function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

/** pdf.js text: items joined with '', a hasEOL item ends a line; one segment per page. */
export async function pdfSegments(bytes: Uint8Array): Promise<Segments> {
  const { getDocument } = await loadPdfJs();
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const out: Segments = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    out.push({ where: `page ${p}`, text });
  }
  await doc.destroy();
  return out;
}

/** Any container's segments, recursing into archive entries and mail attachments. */
export async function segmentsOf(bytes: Uint8Array, ext: string, depth = 0): Promise<Segments> {
  if (depth > 3) throw new Error('too deep');
  if (['txt', 'csv'].includes(ext))
    return strFromU8(bytes)
      .split('\n')
      .map((text, i) => ({ where: `line ${i + 1}`, text }));
  if (ext === 'pdf') return pdfSegments(bytes);
  if (ext === 'zip') {
    const out: Segments = [];
    for (const [path, data] of Object.entries(unzipSync(bytes))) {
      const inner = await segmentsOf(data, path.split('.').pop() ?? '', depth + 1);
      out.push(...inner.map((s) => ({ where: `${path} › ${s.where}`, text: s.text })));
    }
    return out;
  }
  if (ext === 'eml') {
    const mail = await PostalMime.parse(Buffer.from(bytes));
    const out: Segments = [{ where: 'body', text: mail.text ?? '' }];
    for (const a of mail.attachments) {
      const data = typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
      const inner = await segmentsOf(data, (a.filename ?? '').split('.').pop() ?? '', depth + 1);
      out.push(...inner.map((s) => ({ where: `attachment ${a.filename} › ${s.where}`, text: s.text })));
    }
    return out;
  }
  return officeSegments(bytes, ext);
}
