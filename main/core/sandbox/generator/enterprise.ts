/**
 * The generated (immutable) enterprise: users, tree, file space, event history. Built once at
 * start-up in well under a second even for a million files, because files and events are
 * index arithmetic over the seed; only folders and users exist as data.
 */
import { bigFolderSize, buildTree, folderOfFile, type Tree } from './tree';
import { fileIdBase, generateFile, type FileMix, type FileSpace } from './files';
import { HISTORY_DAYS, historyCount, type ActorPicker, type HistorySpec } from './events';
import { generateUsers, makeEnterpriseIdentity, roleLayout, type EnterpriseIdentity, type SandboxUser } from './users';

/** Content timestamps hang off a fixed epoch so that listings are byte-identical across runs. */
export const CONTENT_EPOCH_MS = Date.UTC(2025, 0, 1);

export interface Enterprise {
  seed: number;
  identity: EnterpriseIdentity;
  users: SandboxUser[];
  internalUsers: number[];
  tree: Tree;
  space: FileSpace;
  history: HistorySpec;
  picker: ActorPicker;
}

export interface EnterpriseSpec {
  seed: number;
  users: number;
  files: number;
  bigFolderFiles?: number;
  mix?: FileMix;
  /** Event history ends here (the start-up time): history is always "the last 90 days". */
  historyEnd: number;
}

export function buildEnterprise(spec: EnterpriseSpec): Enterprise {
  const { seed, files } = spec;
  const identity = makeEnterpriseIdentity(seed);
  const users = generateUsers(seed, spec.users, identity, CONTENT_EPOCH_MS);
  const tree = buildTree(seed, users, files, CONTENT_EPOCH_MS, spec.bigFolderFiles ?? bigFolderSize(files));
  const space: FileSpace = {
    seed,
    tree,
    files,
    epochMs: CONTENT_EPOCH_MS,
    fileIdBase: fileIdBase(seed),
    userCount: users.length,
    externals: roleLayout(users.length).externals,
    mix: spec.mix,
  };
  const internalUsers = users.filter((u) => !u.external).map((u) => u.index);
  const end = Math.floor(spec.historyEnd / 1000) * 1000 - 60_000;
  const history: HistorySpec = { seed, count: historyCount(files), start: end - HISTORY_DAYS * 86_400_000, end, files };
  const picker: ActorPicker = {
    actorFor(k, u) {
      const f = generateFile(space, k);
      const collabs = tree.collabs
        .get(tree.top[f.folder] ?? 0)
        ?.filter((c) => c.status === 'accepted' && !users[c.userIndex]?.external);
      const c = collabs && collabs.length > 0 && u % 3 === 0 ? collabs[u % collabs.length] : undefined;
      return c ? c.userIndex : f.owner;
    },
    folderOf: (k) => folderOfFile(tree, k),
    topOf: (f) => tree.top[f] ?? f,
    randomInternalUser: (h) => internalUsers[h % internalUsers.length] ?? 0,
  };
  return { seed, identity, users, internalUsers, tree, space, history, picker };
}
