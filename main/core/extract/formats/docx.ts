/**
 * Word (docx, docm, dotx): word/document.xml's paragraphs, one segment each ("paragraph N",
 * counted over the whole body, a table cell's paragraphs included). A paragraph's runs are
 * joined with '' (a value split across runs is found whole); w:t without xml:space="preserve"
 * loses its edge whitespace, as Word shows it. Deleted text and field codes are not text.
 * Runs in the extractor process.
 */
import { segment, type ReadContext } from '../read-context';
import { readPackageParts, requirePart } from './package-parts';
import { parseXml } from './xml';

const MAIN = 'word/document.xml';

export async function readDocx(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const pkg = await readPackageParts(bytes, ctx, (name) => name === MAIN);
  const xml = requirePart(pkg, MAIN, 'Word document');
  const open: string[] = [];
  let paragraph = 0;
  let inText = false;
  let preserve = false;
  parseXml(xml, MAIN, {
    open(name, attributes) {
      if (name === 'w:p') open.push('');
      else if (name === 'w:t') {
        inText = true;
        preserve = attributes['xml:space'] === 'preserve';
      } else if (open.length && (name === 'w:tab' || name === 'w:br' || name === 'w:cr'))
        open[open.length - 1] += name === 'w:tab' ? '\t' : '\n';
    },
    close(name) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && open.length) segment(ctx, `paragraph ${++paragraph}`, open.pop()!);
    },
    text(text) {
      if (inText && open.length) open[open.length - 1] += preserve ? text : text.trim();
    },
  });
}
