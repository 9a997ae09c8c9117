/**
 * The content decides, not the name: magic bytes checked against the format the extension
 * promises. Not that format → Failed unsupported, except a CFB (OLE2) container under an
 * Office extension holding an EncryptionInfo stream: that is how Office stores a
 * password-protected docx/xlsx/pptx → Failed encrypted. Runs in the extractor process.
 */
import { InspectionFailure } from './failure';
import type { DocumentFormat } from './file-types';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Binary signatures a text file never starts with: PDF, ZIP, CFB, PNG, JPEG, GIF. */
const BINARY = [
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  ZIP_LOCAL,
  CFB,
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
];
const OFFICE: DocumentFormat[] = ['docx', 'xlsx', 'pptx'];
const PACKAGES: DocumentFormat[] = [...OFFICE, 'odt', 'ods', 'odp', 'zip'];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Throws when the content is not what the format says. */
export function checkContent(format: DocumentFormat, bytes: Uint8Array): void {
  if (format === 'pdf') {
    if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw notIt('no %PDF- header');
  } else if (PACKAGES.includes(format)) {
    if (OFFICE.includes(format) && startsWith(bytes, CFB)) {
      if (holdsEncryptionInfo(bytes)) throw new InspectionFailure('encrypted', 'password-protected Office file');
      throw notIt('an OLE2 (legacy Office) file');
    }
    if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) throw notIt('not a ZIP package');
  } else if (BINARY.some((magic) => startsWith(bytes, magic)) || bytes.subarray(0, 8192).includes(0)) {
    throw notIt('binary content');
  }
}

function notIt(what: string): InspectionFailure {
  return new InspectionFailure('unsupported', `content is not what the extension says: ${what}`);
}

/** CFB directory entries name their streams in UTF-16LE: look for "EncryptionInfo". */
function holdsEncryptionInfo(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from('EncryptionInfo', 'utf16le'),
  );
}
