/**
 * Real document bytes for the sandbox's files, generated from the seed on demand (nothing is
 * stored per file): one module per format, all drawing from the same seeded value stream as
 * text files (content.ts), so the truth counts mean the same everywhere. A seeded few are
 * password-protected, truncated or not what their extension says. Runs in the sandbox (plain Node).
 */
import type { InspectionReason, InspectionState } from '../../../../../common/scan/inspection';
import { emptyTruth, generateText, TEXT_EXTENSIONS, type SensitiveTruth } from '../content';
import { hash, Rng, S, unit } from '../prng';
import { docModel, type DocModel } from './model';
import { docxText, writeDocx } from './docx';
import { writeXlsx } from './xlsx';
import { sheetsOf, sheetsText } from './sheets';
import { slidesText, writePptx } from './pptx';
import { writeOdf } from './odf';
import { pdfText, writePdf } from './pdf';
import { writeArchive } from './zip';
import { writeEml } from './eml';
import { LEGACY_EXTENSIONS, legacyText, writeLegacy } from './legacy';
import { encryptedOffice, mislabelled, truncated } from './broken';

export interface GeneratedDocument {
  bytes: Buffer;
  /** What Box's extracted_text representation serves; null when Box cannot extract it. */
  boxText: string | null;
  /** Box's representation error when boxText is null. */
  boxTextError: 'error_password_protected' | 'error_unsupported_format' | null;
  /** Expected counts per detector in the whole content (what a correct inspection finds). */
  truth: SensitiveTruth;
  /** What a correct inspection concludes for this file. */
  expected: { state: Exclude<InspectionState, 'Pending'>; reason: InspectionReason | null };
}

const OOXML = new Set(['docx', 'docm', 'xlsx', 'xlsm', 'pptx', 'pptm']);
const ODF = new Set(['odt', 'ods', 'odp']);
/** Formats read locally from their bytes (the ones this issue makes real). */
export const DOCUMENT_EXTENSIONS = new Set(['pdf', ...OOXML, ...ODF, 'zip', 'eml']);
/** Every format generateDocument writes: documents, Box-text-only formats, text files. */
export const GENERATED_EXTENSIONS = new Set([...DOCUMENT_EXTENSIONS, ...LEGACY_EXTENSIONS, ...TEXT_EXTENSIONS]);

export type DocumentFault = 'encrypted' | 'corrupted' | 'unsupported' | null;

/** About 1% each: encrypted (PDF and OOXML only), truncated, mislabelled. */
export function documentFault(seed: number, k: number, ext: string): DocumentFault {
  if (!DOCUMENT_EXTENSIONS.has(ext)) return null;
  const u = unit(hash(seed, S.docFault, k));
  // A seeded few, 0.4% each: with the files over 30 MB, under 2% of what holds text.
  if (u < 0.004) return ext === 'pdf' || OOXML.has(ext) ? 'encrypted' : null;
  // A cut mail is still mail (nothing marks its end that a reader must see): it is read as far
  // as it goes, so the sandbox seeds no truncated .eml (their truth would not be 0).
  if (u < 0.008) return ext === 'eml' ? null : 'corrupted';
  if (u < 0.012) return 'unsupported';
  return null;
}

function completed(bytes: Buffer, truth: SensitiveTruth, boxText: string | null): GeneratedDocument {
  return {
    bytes,
    boxText,
    boxTextError: boxText === null ? 'error_unsupported_format' : null,
    truth,
    expected: { state: 'Completed', reason: null },
  };
}

/** The well-formed document: its bytes and Box's text of it. */
function render(m: DocModel, seed: number, k: number, ext: string, version: number, owner: string): GeneratedDocument {
  if (ext === 'pdf') return completed(writePdf(m), m.truth, pdfText(m));
  if (ext === 'docx' || ext === 'docm') return completed(writeDocx(m, ext), m.truth, docxText(m));
  if (ext === 'xlsx' || ext === 'xlsm') return completed(writeXlsx(m, ext), m.truth, sheetsText(sheetsOf(m)));
  if (ext === 'pptx' || ext === 'pptm') return completed(writePptx(m, ext), m.truth, slidesText(m));
  if (ext === 'odt') return completed(writeOdf(m, ext), m.truth, docxText(m));
  if (ext === 'ods') return completed(writeOdf(m, ext), m.truth, sheetsText(sheetsOf(m)));
  if (ext === 'odp') return completed(writeOdf(m, ext), m.truth, slidesText(m));
  // Box does not extract text from archives and mail: no Box text for zip and eml.
  const src = { seed, k, version, next: 1 };
  if (ext === 'zip') {
    const z = writeArchive(src, m.layout);
    return completed(z.bytes, z.truth, null);
  }
  if (ext === 'eml') {
    const e = writeEml(src, m.layout, owner, m.title);
    return completed(e.bytes, e.truth, null);
  }
  return completed(writeLegacy(m, ext, k, version), m.truth, legacyText(m));
}

function failed(bytes: Buffer, reason: InspectionReason): GeneratedDocument {
  return {
    bytes,
    boxText: null,
    boxTextError: reason === 'encrypted' ? 'error_password_protected' : 'error_unsupported_format',
    truth: emptyTruth(),
    expected: { state: 'Failed', reason },
  };
}

function faulty(
  fault: Exclude<DocumentFault, null>,
  m: DocModel,
  good: () => GeneratedDocument,
  ext: string,
): GeneratedDocument {
  const r = new Rng(m.shape ^ 0x5bd1e995);
  if (fault === 'unsupported') return failed(mislabelled(ext, r), 'unsupported');
  if (fault === 'corrupted') return failed(truncated(good().bytes, r), 'corrupted');
  if (ext === 'pdf') return failed(writePdf(m, { userPassword: `pw-${m.shape.toString(36)}` }), 'encrypted');
  return failed(encryptedOffice(good().bytes.length, r), 'encrypted');
}

/**
 * The bytes of file k (at `version`) as format `ext`, Box's text of it, and the ground truth.
 * Text formats keep generateText's content.
 */
export function generateDocument(
  seed: number,
  k: number,
  ext: string,
  version: number,
  ownerLogin: string,
): GeneratedDocument {
  if (TEXT_EXTENSIONS.has(ext)) {
    const t = generateText(seed, k, ext, version, ownerLogin);
    return completed(Buffer.from(t.text, 'utf8'), t.truth, t.text);
  }
  if (!GENERATED_EXTENSIONS.has(ext)) throw new Error(`no document generator for .${ext}`);
  const m = docModel(seed, k, version);
  const good = () => render(m, seed, k, ext, version, ownerLogin);
  const fault = documentFault(seed, k, ext);
  return fault ? faulty(fault, m, good, ext) : good();
}
