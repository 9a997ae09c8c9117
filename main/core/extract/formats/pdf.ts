/**
 * PDF with pdf.js (pdfjs-dist's legacy build, the one for Node): each page's text items joined
 * with '', an item with hasEOL ending its line with '\n'; one segment per page ("page N").
 * No eval, no font loading, no system fonts, no network: only text is wanted. pdf.js runs its
 * "fake worker" on this thread, which is fine: this whole process exists to parse untrusted
 * files. A file lacking its %%EOF is truncated (pdf.js would otherwise read what it can).
 * Runs in the extractor process.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asFailure, InspectionFailure } from '../failure';
import { segment, type ReadContext } from '../read-context';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Loads pdf.js and its worker code once (the fake worker finds it on globalThis.pdfjsWorker
 * instead of importing it at the first getDocument). The extractor process calls this before it
 * says it is ready, so the first PDF's deadline does not pay for loading 3 MB of code.
 */
export function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= (async () => {
    const [lib, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  })());
}

export async function readPdf(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  if (!endsWithEof(bytes)) throw new InspectionFailure('corrupted', 'PDF truncated: no %%EOF');
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
    cMapUrl: join(pdfjsRoot, 'cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts/'),
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw pdfOpenFailure(error);
    });
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      page.cleanup();
      segment(ctx, `page ${n}`, text);
    }
  } catch (error) {
    throw asFailure(error, 'corrupted');
  } finally {
    await task.destroy();
  }
}

function pdfOpenFailure(error: unknown): Error {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new InspectionFailure('encrypted', 'PDF needs a password');
  return asFailure(error, 'corrupted');
}

/** "%%EOF" within the last 1 KB: every complete PDF (incremental updates included) ends so. */
function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return tail.includes('%%EOF');
}
