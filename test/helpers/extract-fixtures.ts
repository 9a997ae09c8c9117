/**
 * Hand-made documents for the extractor's tests, written here (never by the sandbox's
 * generator): a PDF written object by object with its xref table, OOXML and ODF packages
 * zipped with fflate from hand-written XML, mail with a base64 attachment.
 */
import { zipSync, zlibSync, strToU8, type Zippable } from 'fflate';

/** One line drawn on a PDF page: each string is its own Tj operator, no gap between them. */
export type PdfLine = string[];

function pdfString(s: string): string {
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function pageContent(lines: PdfLine[]): string {
  const ops = lines.map(
    (parts, i) => `1 0 0 1 72 ${720 - i * 16} Tm ${parts.map((p) => `${pdfString(p)} Tj`).join(' ')}`,
  );
  return `BT /F1 11 Tf ${ops.join('\n')} ET`;
}

export interface PdfOptions {
  /** FlateDecode the page streams (as most producers do). */
  compress?: boolean;
  /** Extra trailer entries, e.g. an /Encrypt reference. */
  extraObjects?: string[];
  trailerExtra?: string;
}

/** A valid PDF 1.4: one page per entry of pages, Helvetica, with a correct xref table. */
export function buildPdf(pages: PdfLine[][], options: PdfOptions = {}): Buffer {
  const objects: (string | Buffer)[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const [i, lines] of pages.entries()) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
    );
    const content = Buffer.from(pageContent(lines), 'latin1');
    const body = options.compress ? Buffer.from(zlibSync(content)) : content;
    const filter = options.compress ? ' /Filter /FlateDecode' : '';
    objects.push(
      Buffer.concat([
        Buffer.from(`<< /Length ${body.length}${filter} >>\nstream\n`, 'latin1'),
        body,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
  }
  for (const extra of options.extraObjects ?? []) objects.push(extra);
  return assemblePdf(objects, options.trailerExtra ?? '');
}

function assemblePdf(objects: (string | Buffer)[], trailerExtra: string): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`];
  for (const offset of offsets) xref.push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  xref.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`);
  chunks.push(Buffer.from(xref.join(''), 'latin1'));
  return Buffer.concat(chunks);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function zip(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Buffer {
  const input: Zippable = {};
  for (const [name, body] of Object.entries(files)) input[name] = typeof body === 'string' ? strToU8(body) : body;
  return Buffer.from(zipSync(input, { level }));
}

/** A docx whose body is the given paragraphs, each a list of runs (a table when an array of rows is given). */
export function buildDocx(paragraphs: string[][], table: string[][] = [], documentXml?: string): Buffer {
  const run = (t: string) => `<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`;
  const p = (runs: string[]) => `<w:p>${runs.map(run).join('')}</w:p>`;
  const rows = table.map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${p([c])}</w:tc>`).join('')}</w:tr>`);
  const tbl = table.length ? `<w:tbl>${rows.join('')}</w:tbl>` : '';
  const body = `${XML_HEAD}<w:document ${W_NS}><w:body>${paragraphs.map(p).join('')}${tbl}</w:body></w:document>`;
  return zip({
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    'word/document.xml': documentXml ?? body,
  });
}

/** An xlsx with one sheet per entry: cells by reference, shared strings for text, inline strings when asked. */
export function buildXlsx(sheets: Record<string, Record<string, string>>, inline = false): Buffer {
  const shared: string[] = [];
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
  };
  const names = Object.keys(sheets);
  names.forEach((name, i) => {
    const cells = Object.entries(sheets[name]!).map(([ref, text]) => {
      if (inline) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;
      shared.push(text);
      return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
    });
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells.join('')}</row></sheetData></worksheet>`;
  });
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  files['xl/workbook.xml'] =
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${rel}><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  files['xl/_rels/workbook.xml.rels'] =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`;
  if (!inline)
    files['xl/sharedStrings.xml'] =
      `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((s) => `<si><r><t>${escapeXml(s.slice(0, 3))}</t></r><r><t xml:space="preserve">${escapeXml(s.slice(3))}</t></r></si>`).join('')}</sst>`;
  return zip(files);
}

/** A pptx whose slides hold the given paragraphs (each a list of runs). */
export function buildPptx(slides: string[][][]): Buffer {
  const a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const files: Record<string, string> = {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    'ppt/presentation.xml': `${XML_HEAD}<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>`,
  };
  slides.forEach((paragraphs, i) => {
    const ps = paragraphs.map(
      (runs) => `<a:p>${runs.map((r) => `<a:r><a:t>${escapeXml(r)}</a:t></a:r>`).join('')}</a:p>`,
    );
    files[`ppt/slides/slide${i + 1}.xml`] =
      `${XML_HEAD}<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" ${a}><p:cSld><p:spTree><p:sp><p:txBody>${ps.join('')}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
  });
  return zip(files);
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';

/** An ODF package (mimetype stored first, as the spec asks) around the given office:body content. */
export function buildOdf(mimetype: string, body: string): Buffer {
  return zip({
    mimetype,
    'content.xml': `${XML_HEAD}<office:document-content ${ODF_NS}><office:body>${body}</office:body></office:document-content>`,
  });
}

/** A mail with a text body and attachments (base64, as mail clients send them). */
export function buildEml(body: string, attachments: { name: string; type: string; bytes: Uint8Array }[] = []): Buffer {
  const boundary = 'b0undary';
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body}\r\n`,
    ...attachments.map(
      (a) =>
        `--${boundary}\r\nContent-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${(
          Buffer.from(a.bytes)
            .toString('base64')
            .match(/.{1,76}/g) ?? []
        ).join('\r\n')}\r\n`,
    ),
  ];
  return Buffer.from(
    `From: Payroll <payroll@example.org>\r\nTo: ops@example.org\r\nSubject: Card 4111 1111 1111 1111\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${parts.join('')}--${boundary}--\r\n`,
  );
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** A PDF with an /Encrypt dictionary (RC4, a user password we do not know). */
export function encryptedPdf(): Buffer {
  const o = '<' + '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a' + '>';
  const u = '<' + 'aa0b2fb86b3b5ad4b5f0b1e20b5f9f8d00000000000000000000000000000000' + '>';
  return buildPdf([[['secret']]], {
    extraObjects: [`<< /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -44 >>`],
    trailerExtra: '/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>] ',
  });
}

/** The head of a CFB container whose directory names an EncryptionInfo stream (how Office saves with a password). */
export function encryptedOfficeFile(): Buffer {
  const file = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  Buffer.from('EncryptionInfo', 'utf16le').copy(file, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(file, 1152);
  return file;
}
