/**
 * The folder tree and where each file lives. Folders are few (files/40) and kept in typed
 * arrays; files are never materialised: folder f holds file indices
 * [fileStart[f], fileStart[f] + fileCount[f]), so a file's folder is a binary search.
 */
import { hash, Rng, S, unit } from './prng';
import { indexOfId } from './ids';
import { SUB_FOLDERS, TOP_FOLDERS } from './words';
import type { SandboxUser } from './users';

export type CollabRole = 'editor' | 'viewer' | 'previewer' | 'uploader' | 'viewer uploader' | 'co-owner';

export interface FolderCollab {
  id: string;
  userIndex: number;
  role: CollabRole;
  status: 'accepted' | 'pending';
  createdAt: number;
  createdBy: number;
}

export interface Tree {
  folderCount: number;
  parent: Int32Array; // -1 = top level (sits in the owner's root "0")
  owner: Int32Array;
  top: Int32Array;
  depth: Uint8Array;
  nameHash: Uint32Array;
  childStart: Int32Array;
  childCount: Int32Array;
  childList: Int32Array;
  fileStart: Float64Array;
  fileCount: Int32Array;
  bigFolder: number;
  /** Top-level folders per user, in index order. */
  ownedTops: number[][];
  /** Top-level folders shared with a user (accepted collaborations), in index order. */
  sharedTops: number[][];
  /** Collaborations on top-level folders; they apply to everything beneath. */
  collabs: Map<number, FolderCollab[]>;
  folderIdBase: number;
}

const MAX_DEPTH = 8;
const COLLAB_ROLES: CollabRole[] = ['editor', 'editor', 'viewer', 'viewer', 'previewer', 'viewer uploader', 'co-owner'];

export function bigFolderSize(files: number): number {
  if (files >= 100_000) return 5000;
  if (files >= 3000) return 2500;
  return Math.floor(files / 2);
}

export function buildTree(
  seed: number,
  users: readonly SandboxUser[],
  files: number,
  epochMs: number,
  bigFiles = bigFolderSize(files),
): Tree {
  const internal = users.filter((u) => !u.external).map((u) => u.index);
  const externals = users.filter((u) => u.external).map((u) => u.index);
  const rng = new Rng(hash(seed, S.tree, 0));
  const target = Math.max(internal.length * 2 + 1, Math.ceil(files / 40));
  const parent: number[] = [];
  const owner: number[] = [];
  const depth: number[] = [];
  const top: number[] = [];
  const add = (p: number, o: number): number => {
    const f = parent.length;
    parent.push(p);
    owner.push(o);
    depth.push(p < 0 ? 0 : (depth[p] ?? 0) + 1);
    top.push(p < 0 ? f : (top[p] ?? f));
    return f;
  };
  // Top level: one to three folders per internal user, then the big folder.
  for (const u of internal) {
    const n = 1 + rng.int(3);
    for (let j = 0; j < n; j++) add(-1, u);
  }
  // The big folder (thousands of items, shared with the admin) belongs to the first managed
  // user when there is one, so reaching it exercises sharing, not ownership.
  const bigOwner = internal.find((u) => users[u]?.role === 'user') ?? 0;
  const bigFolder = add(-1, bigOwner);
  // Grow the tree by attaching children to random existing folders: older folders get picked
  // more often, which gives the shallow-heavy, long-tailed shape of real trees.
  while (parent.length < target) {
    let p = rng.int(parent.length);
    if (p === bigFolder || (depth[p] ?? 0) >= MAX_DEPTH - 1) p = top[p] ?? 0;
    if (p === bigFolder) continue;
    add(p, owner[p] ?? 0);
  }
  const n = parent.length;
  const t: Tree = {
    folderCount: n,
    parent: Int32Array.from(parent),
    owner: Int32Array.from(owner),
    top: Int32Array.from(top),
    depth: Uint8Array.from(depth),
    nameHash: new Uint32Array(n),
    childStart: new Int32Array(n),
    childCount: new Int32Array(n),
    childList: new Int32Array(n),
    fileStart: new Float64Array(n),
    fileCount: new Int32Array(n),
    bigFolder,
    ownedTops: users.map(() => []),
    sharedTops: users.map(() => []),
    collabs: new Map(),
    folderIdBase: 100_000_000_000 + (hash(seed, S.tree, 1) % 900) * 1_000_000_000,
  };
  for (let f = 0; f < n; f++) t.nameHash[f] = hash(seed, S.folderName, f);
  // Children in CSR form, ordered by index (= id order, the order listings use).
  for (let f = 0; f < n; f++) {
    const p = t.parent[f] ?? -1;
    if (p >= 0) t.childCount[p] = (t.childCount[p] ?? 0) + 1;
  }
  let acc = 0;
  for (let f = 0; f < n; f++) {
    t.childStart[f] = acc;
    acc += t.childCount[f] ?? 0;
  }
  const fill = new Int32Array(n);
  for (let f = 0; f < n; f++) {
    const p = t.parent[f] ?? -1;
    if (p < 0) {
      t.ownedTops[t.owner[f] ?? 0]?.push(f);
      continue;
    }
    t.childList[(t.childStart[p] ?? 0) + (fill[p] ?? 0)] = f;
    fill[p] = (fill[p] ?? 0) + 1;
  }
  allocateFiles(seed, t, files, Math.min(bigFiles, files));
  shareTops(seed, t, internal, externals, epochMs);
  return t;
}

function allocateFiles(seed: number, t: Tree, files: number, bigFiles: number): void {
  const weights = new Float64Array(t.folderCount);
  let total = 0;
  for (let f = 0; f < t.folderCount; f++) {
    if (f === t.bigFolder) continue;
    const u = unit(hash(seed, S.fileWeight, f));
    // About one folder in seven is empty; the rest follow a heavy tail.
    const w = u < 0.14 ? 0 : Math.pow(-Math.log(1 - u), 1.6);
    weights[f] = w;
    total += w;
  }
  const rest = files - bigFiles;
  let given = 0;
  for (let f = 0; f < t.folderCount; f++) {
    const c = f === t.bigFolder ? bigFiles : total > 0 ? Math.floor((rest * (weights[f] ?? 0)) / total) : 0;
    t.fileCount[f] = c;
    if (f !== t.bigFolder) given += c;
  }
  // Hand the rounding remainder to non-empty folders, one each, deterministically.
  for (let f = 0, left = rest - given; left > 0; f = (f + 1) % t.folderCount) {
    if (f === t.bigFolder || (weights[f] === 0 && total > 0)) continue;
    t.fileCount[f] = (t.fileCount[f] ?? 0) + 1;
    left--;
  }
  let start = 0;
  for (let f = 0; f < t.folderCount; f++) {
    t.fileStart[f] = start;
    start += t.fileCount[f] ?? 0;
  }
}

function shareTops(seed: number, t: Tree, internal: number[], externals: number[], epochMs: number): void {
  let collabSeq = 0;
  const collabBase = 40_000_000_000 + (hash(seed, S.collab, 0) % 1000) * 1_000_000;
  for (let f = 0; f < t.folderCount; f++) {
    if ((t.parent[f] ?? 0) >= 0) continue;
    const owner = t.owner[f] ?? 0;
    const r = new Rng(hash(seed, S.collab, f + 1));
    const list: FolderCollab[] = [];
    const addCollab = (u: number, role: CollabRole, status: FolderCollab['status']) => {
      if (u === owner || list.some((c) => c.userIndex === u)) return;
      list.push({
        id: String(collabBase + collabSeq++),
        userIndex: u,
        role,
        status,
        createdAt: epochMs - r.range(1, 700) * 86_400_000,
        createdBy: owner,
      });
    };
    if (f === t.bigFolder) {
      addCollab(0, 'editor', 'accepted');
      if (internal.length > 2) addCollab(internal[1] ?? 0, 'viewer', 'accepted');
      const ext = externals[0];
      if (ext !== undefined) addCollab(ext, 'viewer', 'accepted');
    } else if (r.chance(0.3)) {
      const k = 1 + r.int(4);
      for (let j = 0; j < k && internal.length > 1; j++) addCollab(r.pick(internal), r.pick(COLLAB_ROLES), 'accepted');
      if (externals.length > 0 && r.chance(0.45))
        addCollab(r.pick(externals), r.pick(COLLAB_ROLES), r.chance(0.15) ? 'pending' : 'accepted');
    }
    if (list.length === 0) continue;
    t.collabs.set(f, list);
    for (const c of list) if (c.status === 'accepted') t.sharedTops[c.userIndex]?.push(f);
  }
}

/** Folder holding file k (see the class comment for why this is a search, not a lookup). */
export function folderOfFile(t: Tree, k: number): number {
  let lo = 0;
  let hi = t.folderCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((t.fileStart[mid] ?? 0) <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function folderName(t: Tree, f: number): string {
  const h = t.nameHash[f] ?? 0;
  if (f === t.bigFolder) return 'Scanned Invoices Archive';
  // Siblings must have distinct names (Box enforces it): consecutive ranks pick consecutive
  // list entries, and a rank past the list's length adds a number.
  if ((t.parent[f] ?? -1) < 0) {
    const rank = t.ownedTops[t.owner[f] ?? 0]?.indexOf(f) ?? 0;
    return distinctName(TOP_FOLDERS, h, Math.max(0, rank));
  }
  return distinctName(SUB_FOLDERS, h, siblingRank(t, f));
}

function distinctName(list: readonly string[], h: number, rank: number): string {
  const base = list[(h + rank) % list.length] ?? 'Folder';
  return rank < list.length ? base : `${base} ${Math.floor(rank / list.length) + 1}`;
}

function siblingRank(t: Tree, f: number): number {
  const p = t.parent[f] ?? 0;
  let lo = t.childStart[p] ?? 0;
  let hi = lo + (t.childCount[p] ?? 0) - 1;
  const first = lo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((t.childList[mid] ?? 0) < f) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}

export function folderIdOf(t: Tree, f: number): string {
  return String(t.folderIdBase + f);
}

export function folderIndexById(t: Tree, id: string): number {
  return indexOfId(id, t.folderIdBase, t.folderCount);
}
