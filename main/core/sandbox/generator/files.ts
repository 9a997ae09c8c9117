/**
 * Everything about file k derived from the seed: name, type, size, owner, timestamps, sharing,
 * direct collaborations. Callers layer the live overrides (state/overrides) on top.
 */
import { createHash } from 'node:crypto';
import { hash, pickBy, pseudoSha1, S, token, unit, weighted } from './prng';
import { indexOfId } from './ids';
import { QUALIFIERS, TOPICS } from './words';
import { emptyTruth, TEXT_EXTENSIONS, type SensitiveTruth } from './content';
import { generateDocument, type GeneratedDocument } from './documents';
import { INSPECTION_LIMITS } from '../../../../common/scan/inspection';
import { folderOfFile, type CollabRole, type Tree } from './tree';

export type LinkAccess = 'open' | 'company' | 'collaborators';

export interface GeneratedLink {
  access: LinkAccess;
  effectiveAccess: LinkAccess;
  token: string;
  passwordEnabled: boolean;
  downloadCount: number;
  previewCount: number;
  /** When the link expires (ms); absent or null: never. Only set through the API. */
  unsharedAt?: number | null;
  /** permissions.can_download (absent: true) and can_edit (absent: false), as set through the API. */
  canDownload?: boolean;
  canEdit?: boolean;
}

export interface GeneratedFile {
  k: number;
  folder: number;
  local: number;
  name: string;
  ext: string;
  /** Bytes of a streamed file; -1 for generated ones (their size is their bytes' length). */
  size: number;
  owner: number;
  createdBy: number;
  modifiedBy: number;
  createdAt: number;
  modifiedAt: number;
  /** Number of saved versions after the first; etag and sequence_id follow it. */
  version: number;
  link: GeneratedLink | null;
  /** The format holds text (everything but images, audio and video). */
  hasText: boolean;
  /** 'generated': real bytes from generateDocument; 'stream': pseudo-random bytes of `size`. */
  body: 'generated' | 'stream';
  /** An earlier file of the same extension whose bytes this one repeats exactly, or null. */
  duplicateOf: number | null;
}

export interface FileCollab {
  id: string;
  userIndex: number;
  role: CollabRole;
  status: 'accepted' | 'pending';
  createdAt: number;
}

/**
 * The default mix, in thousandths. Documents read locally (pdf, OOXML, ODF, zip, eml) are 63.5%
 * of files, as the issue measured; legacy and Box-native formats (read through Box's text) 4.2%;
 * text files 15.6%; images and video 16.7%.
 */
const EXT_TABLE = [
  ['pdf', 200],
  ['docx', 160],
  ['docm', 5],
  ['xlsx', 130],
  ['xlsm', 5],
  ['pptx', 55],
  ['pptm', 3],
  ['odt', 12],
  ['ods', 10],
  ['odp', 5],
  ['zip', 30],
  ['eml', 20],
  ['doc', 10],
  ['xls', 8],
  ['ppt', 4],
  ['rtf', 5],
  ['msg', 5],
  ['boxnote', 6],
  ['gdoc', 4],
  ['txt', 55],
  ['csv', 55],
  ['md', 18],
  ['json', 18],
  ['log', 10],
  ['png', 75],
  ['jpg', 75],
  ['mp4', 17],
] as const;

/** Formats that hold no text: the inspection is Not applicable. */
export const MEDIA_EXTENSIONS = new Set(['png', 'jpg', 'mp4']);

/**
 * [min, max] bytes per type; sizes are log-uniform between them. For documents this only says
 * whether the file is one of the few over the inspection limit (streamed pseudo-random bytes);
 * the others are generated and their size is their real length.
 */
const SIZE_RANGE: Record<string, [number, number]> = {
  pdf: [40e3, 8e6],
  docx: [15e3, 3e6],
  xlsx: [10e3, 5e6],
  pptx: [200e3, 40e6],
  png: [30e3, 5e6],
  jpg: [60e3, 9e6],
  zip: [100e3, 150e6],
  mp4: [2e6, 200e6],
};

export interface FileSpace {
  seed: number;
  tree: Tree;
  files: number;
  epochMs: number;
  fileIdBase: number;
  userCount: number;
  mix?: FileMix;
  externals: number;
}

export function fileIdBase(seed: number): number {
  return 1_000_000_000_000 + (hash(seed, S.file, 0x7ffffffe) % 900) * 1_000_000_000;
}

export function fileIdOf(sp: FileSpace, k: number): string {
  return String(sp.fileIdBase + k);
}

export function fileIndexById(sp: FileSpace, id: string): number {
  return indexOfId(id, sp.fileIdBase, sp.files);
}

/**
 * 'documents' (default): the mix above. 'metadata': every document is an image instead, so a
 * scan does no content extraction: for benchmarks of the engine's scale (a 1,000,000-file scan
 * measures listings, queue and bridge, not PDF parsing).
 */
export type FileMix = 'documents' | 'metadata';

export function fileExt(seed: number, k: number, mix: FileMix = 'documents'): string {
  const ext = mixedExt(seed, k);
  return mix === 'metadata' && !TEXT_EXTENSIONS.has(ext) && !MEDIA_EXTENSIONS.has(ext) ? 'png' : ext;
}

function mixedExt(seed: number, k: number): string {
  return weighted(EXT_TABLE, unit(hash(seed, S.file, k, 0)));
}

export function generateFile(sp: FileSpace, k: number, folder = folderOfFile(sp.tree, k)): GeneratedFile {
  const { seed, tree } = sp;
  const ext = fileExt(seed, k, sp.mix);
  const local = k - (tree.fileStart[folder] ?? 0);
  const owner = tree.owner[folder] ?? 0;
  const h = (j: number) => hash(seed, S.file, k, j);
  // The local index keeps names unique inside a folder without looking at the siblings.
  const topic = pickBy(TOPICS, h(1));
  const qual = unit(h(2)) < 0.5 ? ` ${pickBy(QUALIFIERS, h(3))}` : '';
  const name = `${topic}${qual} ${local + 1}.${ext}`;
  const hasText = !MEDIA_EXTENSIONS.has(ext);
  const size = nominalSize(seed, k, ext);
  const body = hasText && size <= INSPECTION_LIMITS.maxInputBytes ? 'generated' : 'stream';
  const createdAt = sp.epochMs - Math.floor(unit(h(5)) * 3 * 365 * 86_400_000);
  const modifiedAt = Math.min(sp.epochMs, createdAt + Math.floor(unit(h(6)) * 200 * 86_400_000));
  const collaborators = tree.collabs.get(tree.top[folder] ?? 0);
  const editor =
    collaborators && collaborators.length > 0 && unit(h(7)) < 0.4
      ? collaborators[h(8) % collaborators.length]?.userIndex
      : undefined;
  const file: GeneratedFile = {
    k,
    folder,
    local,
    name,
    ext,
    size: body === 'stream' ? size : -1,
    owner,
    createdBy: owner,
    modifiedBy: editor ?? owner,
    createdAt: Math.floor(createdAt / 1000) * 1000,
    modifiedAt: Math.floor(modifiedAt / 1000) * 1000,
    version: h(9) % 4,
    link: generateLink(seed, k),
    hasText,
    body,
    duplicateOf: body === 'generated' ? duplicateSource(seed, k, ext, sp.mix) : null,
  };
  return file;
}

/** The log-uniform size of the types that have a range; -1 for the others (generated). */
function nominalSize(seed: number, k: number, ext: string): number {
  const range = SIZE_RANGE[ext];
  return range ? Math.round(range[0] * Math.pow(range[1] / range[0], unit(hash(seed, S.file, k, 4)))) : -1;
}

const DUPLICATE_RATE = 0.036; // of the generated files, which are ~83% of all: ~3% of files
const DUPLICATE_LOOKBACK = 256;

function duplicateCandidate(seed: number, k: number): boolean {
  return unit(hash(seed, S.duplicate, k)) < DUPLICATE_RATE;
}

/**
 * A seeded few files are byte-identical copies of the nearest earlier file of the same type
 * that is not itself a copy (so no chains): what "identical content is downloaded once" needs.
 */
export function duplicateSource(seed: number, k: number, ext: string, mix?: FileMix): number | null {
  if (!duplicateCandidate(seed, k)) return null;
  for (let j = k - 1; j >= Math.max(0, k - DUPLICATE_LOOKBACK); j--) {
    if (fileExt(seed, j, mix) !== ext || duplicateCandidate(seed, j)) continue;
    if (nominalSize(seed, j, ext) > INSPECTION_LIMITS.maxInputBytes) continue;
    return j;
  }
  return null;
}

/**
 * An enterprise policy may forbid open links for part of the content: the link then reports
 * access "open" but effective_access "company", which the product must read. The cap is the
 * file's (its folder's policy), so a link made later through the API is capped the same way.
 */
export function effectiveLinkAccess(seed: number, k: number, access: LinkAccess): LinkAccess {
  return access === 'open' && hash(seed, S.share, k, 1) % 10 === 0 ? 'company' : access;
}

function generateLink(seed: number, k: number): GeneratedLink | null {
  const u = unit(hash(seed, S.share, k, 0));
  const access: LinkAccess | null = u < 0.06 ? 'open' : u < 0.13 ? 'company' : u < 0.17 ? 'collaborators' : null;
  if (!access) return null;
  const h = hash(seed, S.share, k, 1);
  return {
    access,
    effectiveAccess: effectiveLinkAccess(seed, k, access),
    token: token(seed, S.share, k, 32),
    passwordEnabled: h % 17 === 0,
    downloadCount: h % 40,
    previewCount: (h >>> 8) % 120,
  };
}

/** Direct collaborations on a file (about one file in a hundred has some). */
export function generateFileCollabs(sp: FileSpace, k: number, owner: number): FileCollab[] {
  const { seed } = sp;
  const u = unit(hash(seed, S.fileCollab, k, 0));
  if (u >= 0.012 || sp.userCount < 2) return [];
  const h = hash(seed, S.fileCollab, k, 1);
  const external = sp.externals > 0 && h % 10 < 6;
  let user = external ? sp.userCount - 1 - ((h >>> 4) % sp.externals) : (h >>> 4) % (sp.userCount - sp.externals);
  if (user === owner) user = (user + 1) % Math.max(1, sp.userCount - sp.externals);
  if (user === owner) return [];
  return [
    {
      id: String(60_000_000_000 + k * 4),
      userIndex: user,
      role: h % 3 === 0 ? 'editor' : 'viewer',
      status: external && h % 7 === 0 ? 'pending' : 'accepted',
      createdAt: sp.epochMs - (h % 500) * 86_400_000,
    },
  ];
}

/**
 * A generated file's size as folder totals count it without generating it: exact for text files
 * (cheap), a typical size for documents (generating a million documents for one folder's size
 * is unaffordable; Box's folder sizes lag behind too).
 */
export function estimatedSize(sp: FileSpace, f: GeneratedFile, exactText: () => number): number {
  if (f.body === 'stream') return f.size;
  if (TEXT_EXTENSIONS.has(f.ext)) return exactText();
  return 2_000 + (hash(sp.seed, S.fileSize, f.k) % 20_000);
}

export interface FileBytes {
  size: number;
  sha1: string;
  /** The bytes; null means "stream pseudo-random bytes of `size`" (media, files over the limit). */
  read(): Buffer | null;
}

/** What the ground truth says about a file's content (cached per file version by the world). */
export interface ContentSummary {
  size: number;
  sha1: string;
  hasText: boolean;
  /** Expected findings per detector; null for formats without text. */
  sensitive: SensitiveTruth | null;
  expected: GeneratedDocument['expected'];
}

/**
 * The generated document for file f at `version` (null for streamed files). A duplicate at its
 * generated version repeats its source's bytes exactly: same k, version and owner.
 */
export function fileDocument(
  sp: FileSpace,
  f: GeneratedFile,
  version: number,
  loginOf: (user: number) => string,
): GeneratedDocument | null {
  if (f.body === 'stream') return null;
  const src = f.duplicateOf !== null && version === f.version ? generateFile(sp, f.duplicateOf) : null;
  const from = src ?? { k: f.k, version, owner: f.owner };
  return generateDocument(sp.seed, from.k, f.ext, from.version, loginOf(from.owner));
}

/** The summary of file f at `version`, given its document (fileDocument's answer). */
export function contentSummary(
  sp: FileSpace,
  f: GeneratedFile,
  version: number,
  doc: GeneratedDocument | null,
): ContentSummary {
  if (doc)
    return {
      size: doc.bytes.length,
      sha1: createHash('sha1').update(doc.bytes).digest('hex'),
      hasText: true,
      sensitive: doc.truth,
      expected: doc.expected,
    };
  // Streamed: a derived SHA-1, since hashing hundreds of megabytes per listing is unaffordable.
  return {
    size: f.size + version * 1024,
    sha1: pseudoSha1(sp.seed, f.k, version),
    hasText: f.hasText,
    sensitive: f.hasText ? emptyTruth() : null,
    expected: f.hasText ? { state: 'Failed', reason: 'too-large' } : { state: 'Not applicable', reason: null },
  };
}
