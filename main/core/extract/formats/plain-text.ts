/**
 * Plain-text types (txt, csv, tsv, md, json, log, xml, html): UTF-8, one segment per line
 * ("line N"). HTML loses its tags (a tag between two halves of a value joins them; a tag's own
 * line breaks are kept, so line numbers stay the source's), its script and style, and its
 * entities are decoded. Runs in the extractor process.
 */
import { segment, type ReadContext } from '../read-context';

export function readPlainText(bytes: Uint8Array, ctx: ReadContext, html = false): void {
  const decoded = new TextDecoder().decode(bytes);
  const text = html ? stripHtml(decoded) : decoded;
  let line = 0;
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    segment(ctx, `line ${++line}`, text.slice(at, stop).replace(/\r$/, ''));
    if (end < 0) break;
    at = end + 1;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function stripHtml(html: string): string {
  const keepLines = (m: string) => m.replace(/[^\n]/g, '');
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, keepLines)
    .replace(/<!--[\s\S]*?-->/g, keepLines)
    .replace(/<[^>]*>/g, keepLines)
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
      if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? m;
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    });
}
