/**
 * Everything about file k derived from the seed: name, type, size, owner, timestamps, sharing,
 * direct collaborations. Callers layer the live overrides (state/overrides) on top.
 */
import { createHash } from 'node:crypto';
import { hash, pickBy, pseudoSha1, S, token, unit, weighted } from './prng';
import { indexOfId } from './ids';
import { QUALIFIERS, TOPICS } from './words';
import { generateText, TEXT_EXTENSIONS } from './content';
import { folderOfFile, type CollabRole, type Tree } from './tree';

export type LinkAccess = 'open' | 'company' | 'collaborators';

export interface GeneratedLink {
  access: LinkAccess;
  effectiveAccess: LinkAccess;
  token: string;
  passwordEnabled: boolean;
  downloadCount: number;
  previewCount: number;
}

export interface GeneratedFile {
  k: number;
  folder: number;
  local: number;
  name: string;
  ext: string;
  size: number;
  owner: number;
  createdBy: number;
  modifiedBy: number;
  createdAt: number;
  modifiedAt: number;
  /** Number of saved versions after the first; etag and sequence_id follow it. */
  version: number;
  link: GeneratedLink | null;
  hasText: boolean;
}

export interface FileCollab {
  id: string;
  userIndex: number;
  role: CollabRole;
  status: 'accepted' | 'pending';
  createdAt: number;
}

const EXT_TABLE = [
  ['pdf', 22],
  ['docx', 18],
  ['xlsx', 14],
  ['pptx', 6],
  ['txt', 6],
  ['csv', 6],
  ['md', 2],
  ['json', 2],
  ['eml', 2],
  ['log', 1],
  ['png', 8],
  ['jpg', 8],
  ['zip', 3],
  ['mp4', 2],
] as const;

/** [min, max] bytes per type; sizes are log-uniform between them. */
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

export function fileExt(seed: number, k: number): string {
  return weighted(EXT_TABLE, unit(hash(seed, S.file, k, 0)));
}

export function generateFile(sp: FileSpace, k: number, folder = folderOfFile(sp.tree, k)): GeneratedFile {
  const { seed, tree } = sp;
  const ext = fileExt(seed, k);
  const local = k - (tree.fileStart[folder] ?? 0);
  const owner = tree.owner[folder] ?? 0;
  const h = (j: number) => hash(seed, S.file, k, j);
  // The local index keeps names unique inside a folder without looking at the siblings.
  const topic = pickBy(TOPICS, h(1));
  const qual = unit(h(2)) < 0.5 ? ` ${pickBy(QUALIFIERS, h(3))}` : '';
  const name = `${topic}${qual} ${local + 1}.${ext}`;
  const hasText = TEXT_EXTENSIONS.has(ext);
  const range = SIZE_RANGE[ext];
  const size = range ? Math.round(range[0] * Math.pow(range[1] / range[0], unit(h(4)))) : -1;
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
    size,
    owner,
    createdBy: owner,
    modifiedBy: editor ?? owner,
    createdAt: Math.floor(createdAt / 1000) * 1000,
    modifiedAt: Math.floor(modifiedAt / 1000) * 1000,
    version: h(9) % 4,
    link: generateLink(seed, k),
    hasText,
  };
  return file;
}

function generateLink(seed: number, k: number): GeneratedLink | null {
  const u = unit(hash(seed, S.share, k, 0));
  const access: LinkAccess | null = u < 0.06 ? 'open' : u < 0.13 ? 'company' : u < 0.17 ? 'collaborators' : null;
  if (!access) return null;
  const h = hash(seed, S.share, k, 1);
  // An enterprise policy may forbid open links for part of the content: the link then
  // reports access "open" but effective_access "company", which the product must read.
  const effectiveAccess: LinkAccess = access === 'open' && h % 10 === 0 ? 'company' : access;
  return {
    access,
    effectiveAccess,
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

export interface FileBytes {
  size: number;
  sha1: string;
  /** Text for text files; null means "stream pseudo-random bytes of `size`". */
  text: Buffer | null;
}

/**
 * Text files are hashed for real (they are small). Binary files get a derived SHA-1: hashing
 * hundreds of megabytes per listing is unaffordable, and no product feature re-hashes them.
 */
export function fileBytes(sp: FileSpace, f: GeneratedFile, version: number, ownerLogin: string): FileBytes {
  if (f.hasText) {
    const text = Buffer.from(generateText(sp.seed, f.k, f.ext, version, ownerLogin).text, 'utf8');
    return { size: text.length, sha1: createHash('sha1').update(text).digest('hex'), text };
  }
  return { size: f.size + version * 1024, sha1: pseudoSha1(sp.seed, f.k, version), text: null };
}
