/**
 * OOXML and ODF documents are ZIP packages: this inflates the parts a reader needs (under the
 * archive limits) and says which parts exist, so a package lacking its main part is known for
 * what it is (a ZIP renamed .docx is not a Word document). Runs in the extractor process.
 */
import { InspectionFailure } from '../failure';
import type { ReadContext } from '../read-context';
import { forEachZipEntry } from './zip-stream';

export interface PackageParts {
  names: Set<string>;
  parts: Map<string, Uint8Array>;
}

export async function readPackageParts(
  bytes: Uint8Array,
  ctx: ReadContext,
  wanted: (name: string) => boolean,
): Promise<PackageParts> {
  const names = new Set<string>();
  const parts = new Map<string, Uint8Array>();
  const filter = (name: string) => {
    names.add(name);
    return wanted(name);
  };
  await forEachZipEntry(
    bytes,
    ctx.limits,
    ctx.budget,
    filter,
    async (entry) => void parts.set(entry.name, entry.bytes),
  );
  return { names, parts };
}

export function requirePart(pkg: PackageParts, name: string, what: string): Uint8Array {
  const part = pkg.parts.get(name);
  if (!part) throw new InspectionFailure('unsupported', `not a ${what}: no ${name}`);
  return part;
}

/** "A", "B", … "Z", "AA": a spreadsheet column's letters from its 1-based number. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
