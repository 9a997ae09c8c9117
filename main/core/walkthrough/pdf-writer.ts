/**
 * A minimal PDF 1.4 writer in plain Node: pages of text and rectangles in the standard fonts,
 * uncompressed, with a correct cross-reference table. Enough for a printable runbook without a
 * dependency, and the text stays extractable (help desks search and copy from it).
 */
import { FONT_RESOURCES, pdfString, type PdfFont } from './pdf-fonts';

export const A4 = { width: 595.28, height: 841.89 };

/** Drawing operations for one page, in PDF's bottom-left coordinate system. */
export class PdfPage {
  readonly operations: string[] = [];

  text(x: number, y: number, text: string, font: PdfFont, size: number): void {
    this.operations.push(
      `BT /${FONT_RESOURCES[font].resource} ${num(size)} Tf ${num(x)} ${num(y)} Td ${pdfString(text)} Tj ET`,
    );
  }

  /** An outlined rectangle (the tick boxes, the key's frame). */
  rectangle(x: number, y: number, width: number, height: number, lineWidth = 1): void {
    this.operations.push(`q ${num(lineWidth)} w ${num(x)} ${num(y)} ${num(width)} ${num(height)} re S Q`);
  }
}

export interface PdfMetadata {
  title: string;
  creator: string;
  created: Date;
}

function num(value: number): string {
  return Number(value.toFixed(2)).toString();
}

function pdfDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** Serialises the pages into a complete PDF file. */
export function writePdf(pages: readonly PdfPage[], metadata: PdfMetadata): Buffer {
  const objects: string[] = []; // index i holds object number i + 1
  const add = (body: string) => objects.push(body);
  const fonts = Object.values(FONT_RESOURCES);
  const firstFont = 3;
  const firstPage = firstFont + fonts.length;
  const pageNumber = (index: number) => firstPage + index * 2;

  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(
    `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, index) => `${pageNumber(index)} 0 R`).join(' ')}] >>`,
  );
  for (const font of fonts)
    add(`<< /Type /Font /Subtype /Type1 /BaseFont /${font.baseFont} /Encoding /WinAnsiEncoding >>`);
  const fontDictionary = fonts.map((font, index) => `/${font.resource} ${firstFont + index} 0 R`).join(' ');
  pages.forEach((page, index) => {
    const content = page.operations.join('\n');
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(A4.width)} ${num(A4.height)}] /Resources << /Font << ${fontDictionary} >> >> /Contents ${pageNumber(index) + 1} 0 R >>`,
    );
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  const info = objects.length + 1;
  add(
    `<< /Title ${pdfString(metadata.title)} /Creator ${pdfString(metadata.creator)} /Producer ${pdfString(metadata.creator)} /CreationDate (${pdfDate(metadata.created)}) >>`,
  );

  // Byte offsets matter for the xref table: build the file as latin1, one byte per char.
  let file = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(file, 'latin1'));
    file += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(file, 'latin1');
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(file, 'latin1');
}
