/**
 * One document, any format we read: checks the content against the format, then hands it to
 * that format's reader. Also reads what documents hold (archive entries, attachments), where an
 * entry of a type that is not what its name says is skipped rather than failing its archive.
 * Runs in the extractor process.
 */
import { InspectionFailure } from './failure';
import { extensionOf, formatOfExtension, readableName, type DocumentFormat } from './file-types';
import { readDocx } from './formats/docx';
import { readEml } from './formats/eml';
import { readOdf } from './formats/odf';
import { readPdf } from './formats/pdf';
import { readPlainText } from './formats/plain-text';
import { readPptx } from './formats/pptx';
import { readXlsx } from './formats/xlsx';
import { readZip } from './formats/zip-archive';
import type { ReadContext } from './read-context';
import { checkContent } from './sniff';

export async function readDocument(format: DocumentFormat, bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  checkContent(format, bytes);
  switch (format) {
    case 'pdf':
      return readPdf(bytes, ctx);
    case 'docx':
      return readDocx(bytes, ctx);
    case 'xlsx':
      return readXlsx(bytes, ctx);
    case 'pptx':
      return readPptx(bytes, ctx);
    case 'odt':
      return readOdf('text', bytes, ctx);
    case 'ods':
      return readOdf('spreadsheet', bytes, ctx);
    case 'odp':
      return readOdf('presentation', bytes, ctx);
    case 'zip':
      return readZip(bytes, ctx, readableName);
    case 'eml':
      return readEml(bytes, ctx, readableName);
    case 'text':
    case 'html':
      return readPlainText(bytes, ctx, format === 'html');
  }
}

/** ReadContext.readInner: an archive entry or attachment, by its name's type. */
export async function readInnerDocument(name: string, bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const format = formatOfExtension(extensionOf(name));
  if (!format) return;
  try {
    await readDocument(format, bytes, ctx);
  } catch (error) {
    if (error instanceof InspectionFailure && error.reason === 'unsupported') return;
    throw error;
  }
}
