/**
 * XML parts of OOXML and ODF documents, read with saxes (a SAX parser that never expands
 * entities beyond XML's five). Any DOCTYPE is refused outright (entity-expansion bombs such as
 * billion laughs live there), and so is XML that is not well formed: both Failed corrupted.
 * Element names stay as written ("w:p"): Office and ODF always use their standard prefixes.
 * Runs in the extractor process.
 */
import { SaxesParser } from 'saxes';
import { asFailure, InspectionFailure } from '../failure';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const CHUNK_CHARS = 256 * 1024;

export function parseXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failed: Error | null = null;
  const guard =
    <A extends unknown[]>(fn: ((...args: A) => void) | undefined) =>
    (...args: A) => {
      if (failed || !fn) return;
      try {
        fn(...args);
      } catch (error) {
        failed = error as Error;
      }
    };
  parser.on('doctype', () => (failed ??= new InspectionFailure('corrupted', `DOCTYPE in ${part}`)));
  parser.on('error', (error) => (failed ??= new InspectionFailure('corrupted', `${part}: ${error.message}`)));
  parser.on(
    'opentag',
    guard((tag) => handlers.open?.(tag.name, tag.attributes as Record<string, string>)),
  );
  parser.on(
    'closetag',
    guard((tag) => handlers.close?.(tag.name)),
  );
  parser.on(
    'text',
    guard((text: string) => handlers.text?.(text)),
  );
  parser.on(
    'cdata',
    guard((text: string) => handlers.text?.(text)),
  );
  const xml = new TextDecoder().decode(bytes);
  try {
    for (let at = 0; at < xml.length && !failed; at += CHUNK_CHARS) parser.write(xml.slice(at, at + CHUNK_CHARS));
    if (!failed) parser.close();
  } catch (error) {
    failed ??= asFailure(error, 'corrupted');
  }
  if (failed) throw failed;
}
