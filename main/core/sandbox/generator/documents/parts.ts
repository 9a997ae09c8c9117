/**
 * Files inside other files (archive entries, mail attachments): each is its own model part with
 * its own seeded values, rendered in its own format; the container's truth is their sum.
 */
import type { SensitiveTruth } from '../content';
import { docModel, linesOf, type DocModel } from './model';
import { writeDocx } from './docx';
import { writeXlsx } from './xlsx';
import { writePdf } from './pdf';

export type PartKind = 'txt' | 'csv' | 'docx' | 'xlsx' | 'pdf';

export interface PartSource {
  seed: number;
  k: number;
  version: number;
  /** Next free part number; every part (at any depth) takes one. */
  next: number;
}

export interface Part {
  bytes: Buffer;
  truth: SensitiveTruth;
}

export function partModel(src: PartSource): DocModel {
  return docModel(src.seed, src.k, src.version, { part: src.next++, minRows: 4, maxRows: 24 });
}

export function renderPart(kind: PartKind, m: DocModel): Buffer {
  const lines = linesOf(m);
  if (kind === 'txt') return Buffer.from(lines.join('\n') + '\n');
  if (kind === 'csv') return Buffer.from(['line,text', ...lines.map((l, i) => `${i + 1},"${l}"`)].join('\n') + '\n');
  if (kind === 'docx') return writeDocx(m, 'docx');
  if (kind === 'xlsx') return writeXlsx(m, 'xlsx');
  return writePdf(m);
}

export function makePart(kind: PartKind, src: PartSource): Part {
  const m = partModel(src);
  return { bytes: renderPart(kind, m), truth: m.truth };
}
