/**
 * PDF 1.7 files written by hand (a writer, not a parser): Helvetica (a standard font, WinAnsi),
 * one content stream per page, most of them FlateDecode-compressed. A line is drawn by several
 * Tj/TJ operators with no positioning between them and spaces drawn as characters, so pdf.js
 * (items joined with '', a line break at hasEOL) and pdftotext read back the model's lines.
 * Content streams come first and the page tree and catalog last, so a truncated file loses them.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Rng } from '../prng';
import { linesOf, splitRuns, type DocModel } from './model';
import { standardSecurity, type PdfSecurity } from './pdf-security';

const LINES_PER_PAGE = 48;
const FONT_SIZE = 9;
const LEADING = 14;

export function pagesOf(m: DocModel): string[][] {
  const lines = linesOf(m);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  return pages;
}

function pdfString(s: string): string {
  return '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

function drawLine(line: string, r: Rng): string {
  return splitRuns(line, r)
    .map((piece) => (r.chance(0.5) ? `${pdfString(piece)} Tj` : `[${pdfString(piece)}] TJ`))
    .join(' ');
}

function contentStream(lines: string[], r: Rng): string {
  const body = lines.map((l) => drawLine(l, r)).join(' T*\n');
  return `BT\n/F1 ${FONT_SIZE} Tf\n${LEADING} TL\n50 750 Td\n${body}\nET\n`;
}

class PdfObjects {
  private readonly parts: Buffer[] = [];
  private readonly offsets: number[] = [];
  private length = 0;
  constructor(
    header: string,
    private readonly security: PdfSecurity | null,
  ) {
    this.push(Buffer.from(header, 'latin1'));
  }
  private push(b: Buffer): void {
    this.parts.push(b);
    this.length += b.length;
  }
  /** Object number n (1-based, added in order). */
  add(n: number, dict: string, stream?: Uint8Array): void {
    this.offsets[n] = this.length;
    if (!stream) return this.push(Buffer.from(`${n} 0 obj\n${dict}\nendobj\n`, 'latin1'));
    const data = this.security ? this.security.encrypt(n, stream) : stream;
    this.push(Buffer.from(`${n} 0 obj\n${dict.replace('>>', ` /Length ${data.length} >>`)}\nstream\n`, 'latin1'));
    this.push(Buffer.from(data));
    this.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }
  finish(trailer: string): Buffer {
    const size = this.offsets.length;
    let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) xref += `${String(this.offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`;
    const start = this.length;
    this.push(Buffer.from(`${xref}trailer\n<< /Size ${size} ${trailer} >>\nstartxref\n${start}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(this.parts);
  }
}

export interface PdfOptions {
  /** A non-empty user password: the file opens only with it. */
  userPassword?: string;
}

export function writePdf(m: DocModel, o: PdfOptions = {}): Buffer {
  const r = m.layout;
  const pages = pagesOf(m);
  const id = createHash('md5').update(m.title).update(String(m.shape)).digest();
  const security = o.userPassword ? standardSecurity(o.userPassword, `${o.userPassword}-owner`, id) : null;
  const pdf = new PdfObjects('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', security);
  const compress = r.chance(0.85);
  const n = pages.length;
  // 1..n content streams; n+1 font; n+2 page tree; n+3..2n+2 pages; then info, encrypt, catalog.
  pages.forEach((lines, i) => {
    const raw = Buffer.from(contentStream(lines, r), 'latin1');
    if (compress)
      pdf.add(i + 1, '<< /Filter /FlateDecode >>', deflateSync(raw, { level: 6, windowBits: 13, memLevel: 5 }));
    else pdf.add(i + 1, '<< >>', raw);
  });
  pdf.add(n + 1, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = pages.map((_, i) => `${n + 3 + i} 0 R`).join(' ');
  pdf.add(n + 2, `<< /Type /Pages /Kids [${kids}] /Count ${n} /MediaBox [0 0 612 792] >>`);
  pages.forEach((_, i) =>
    pdf.add(
      n + 3 + i,
      `<< /Type /Page /Parent ${n + 2} 0 R /Resources << /Font << /F1 ${n + 1} 0 R >> >> /Contents ${i + 1} 0 R >>`,
    ),
  );
  let next = 2 * n + 3;
  let info = '';
  if (!security) {
    pdf.add(next, `<< /Producer (Box Sandbox) /Title ${pdfString(m.title)} >>`);
    info = ` /Info ${next++} 0 R`;
  } else {
    pdf.add(next, security.dict);
    info = ` /Encrypt ${next++} 0 R`;
  }
  pdf.add(next, `<< /Type /Catalog /Pages ${n + 2} 0 R >>`);
  const hexId = id.toString('hex');
  return pdf.finish(`/Root ${next} 0 R${info} /ID [<${hexId}> <${hexId}>]`);
}

/** What pdf.js gives following the joining rule: a page's lines '\n'-separated, pages too. */
export function pdfText(m: DocModel): string {
  return pagesOf(m)
    .map((p) => p.join('\n'))
    .join('\n');
}
