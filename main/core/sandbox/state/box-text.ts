/**
 * What Box's extracted_text representation holds for a file: the text, or the error Box gives
 * when it cannot extract it. The ONE place that decides it (routes/representations.ts serves it).
 *
 * Until the sandbox's real documents land (generator/documents: GeneratedDocument.boxText and
 * boxTextError), generated text files give their generated text and every other generated file
 * error_unsupported_format. Uploaded content gives its own bytes for text types; for other types
 * the sandbox runs no extractor (Box would), so it answers error_password_protected for a PDF
 * with an /Encrypt dictionary or an OOXML file in an encrypted (CFB) container, else
 * error_unsupported_format.
 */
import type { GeneratedDocument } from '../generator/documents';
import { TEXT_EXTENSIONS } from '../generator/content';
import type { CurrentFile, World } from './world';

export type BoxText = Pick<GeneratedDocument, 'boxText' | 'boxTextError'>;

const OOXML = new Set(['docx', 'docm', 'xlsx', 'xlsm', 'pptx', 'pptm']);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function boxTextOf(w: World, file: CurrentFile): BoxText {
  const uploaded = w.uploads.contentOf(file.gen.k);
  if (uploaded?.text) return uploadedBoxText(file.gen.ext, uploaded.text);
  const bytes = file.gen.hasText ? file.bytes().text : null;
  if (bytes) return { boxText: bytes.toString('utf8'), boxTextError: null };
  return { boxText: null, boxTextError: 'error_unsupported_format' };
}

function uploadedBoxText(ext: string, bytes: Buffer): BoxText {
  if (TEXT_EXTENSIONS.has(ext)) return { boxText: bytes.toString('utf8'), boxTextError: null };
  const encrypted =
    (ext === 'pdf' && bytes.includes('/Encrypt')) || (OOXML.has(ext) && bytes.subarray(0, 8).equals(CFB_MAGIC));
  return { boxText: null, boxTextError: encrypted ? 'error_password_protected' : 'error_unsupported_format' };
}
