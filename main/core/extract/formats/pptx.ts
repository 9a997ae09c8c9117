/**
 * PowerPoint (pptx, pptm, potx): each ppt/slides/slideN.xml is one segment ("slide N"), its
 * paragraphs (a:p, runs joined with '') separated by '\n'. Runs in the extractor process.
 */
import { InspectionFailure } from '../failure';
import { segment, type ReadContext } from '../read-context';
import { readPackageParts } from './package-parts';
import { parseXml } from './xml';

const SLIDE = /^ppt\/slides\/slide(\d+)\.xml$/;

export async function readPptx(bytes: Uint8Array, ctx: ReadContext): Promise<void> {
  const pkg = await readPackageParts(bytes, ctx, (name) => SLIDE.test(name));
  if (!pkg.names.has('ppt/presentation.xml'))
    throw new InspectionFailure('unsupported', 'not a presentation: no ppt/presentation.xml');
  const slides = [...pkg.parts.keys()].map((name) => ({ name, number: Number(SLIDE.exec(name)![1]) }));
  for (const { name, number } of slides.sort((a, b) => a.number - b.number))
    segment(ctx, `slide ${number}`, slideText(pkg.parts.get(name)!, name));
}

function slideText(xml: Uint8Array, part: string): string {
  const paragraphs: string[] = [];
  let current: string | null = null;
  let inText = false;
  parseXml(xml, part, {
    open(name) {
      if (name === 'a:p') current = '';
      else if (name === 'a:t') inText = true;
      else if (name === 'a:br' && current !== null) current += '\n';
    },
    close(name) {
      if (name === 'a:t') inText = false;
      else if (name === 'a:p' && current !== null) {
        paragraphs.push(current);
        current = null;
      }
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return paragraphs.join('\n');
}
