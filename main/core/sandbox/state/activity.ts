/**
 * Activities on files: each becomes an event in the log AND changes the file the way it would
 * in Box (a new version, a new or changed shared link, a collaborator, the trash). Used by the
 * control API (inject) and by the optional background stream.
 */
import { hash, Rng, S, token, unit, weighted } from '../generator/prng';
import type { SandboxEvent } from '../generator/events';
import type { LinkAccess } from '../generator/files';
import type { CurrentFile, FileOverride, World } from './world';

export const ACTIVITY_TYPES = [
  'UPLOAD',
  'EDIT',
  'ITEM_MODIFY',
  'FILE_VERSION_RESTORE',
  'RENAME',
  'SHARE',
  'ITEM_SHARED_UPDATE',
  'UNSHARE',
  'SHARED_LINK_SEND',
  'COLLABORATION_INVITE',
  'COLLABORATION_ROLE_CHANGE',
  'COLLABORATION_REMOVE',
  'DELETE',
  'UNDELETE',
  'PREVIEW',
  'DOWNLOAD',
  'FILE_WATERMARKED_DOWNLOAD',
  'ITEM_OPEN',
  'CONTENT_ACCESS',
  'ITEM_SYNC',
  'COPY',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

const LIVE_MIX: readonly (readonly [ActivityType, number])[] = [
  ['PREVIEW', 25],
  ['DOWNLOAD', 15],
  ['EDIT', 15],
  ['UPLOAD', 10],
  ['ITEM_OPEN', 5],
  ['SHARE', 6],
  ['ITEM_SHARED_UPDATE', 3],
  ['UNSHARE', 2],
  ['COLLABORATION_INVITE', 5],
  ['COLLABORATION_REMOVE', 1],
  ['RENAME', 3],
  ['SHARED_LINK_SEND', 2],
  ['DELETE', 1],
  ['CONTENT_ACCESS', 2],
];

export interface ActivityInput {
  fileIndex: number;
  type: ActivityType;
  actor?: number;
  access?: LinkAccess;
}

export class ActivityError extends Error {}

export function applyActivity(w: World, input: ActivityInput): SandboxEvent {
  const f = w.file(input.fileIndex);
  if (!f) throw new ActivityError('no such file');
  const { type } = input;
  if (f.trashedAt !== null && type !== 'UNDELETE') throw new ActivityError('the file is in the trash');
  const actor = input.actor ?? f.gen.owner;
  const details = changeFile(w, f, input, actor);
  const r = new Rng(hash(w.ent.seed, S.live, w.live.length));
  return w.appendEvent({
    eventId: `${r.int(0x10000000).toString(16).padStart(7, '0')}-live-${w.live.length.toString(16)}-${token(w.ent.seed, S.live, w.live.length, 12)}`,
    type,
    actor,
    file: f.gen.k,
    folder: -1,
    ip: `10.${r.int(200)}.${r.int(250)}.${1 + r.int(250)}`,
    details,
  });
}

/** Changes the file the way the activity would in Box; returns the event's details. */
function changeFile(w: World, f: CurrentFile, input: ActivityInput, actor: number): Record<string, unknown> | null {
  const { type } = input;
  const now = w.now();
  const o = w.override(f.gen.k);
  const newVersion = () => {
    o.version = f.version + 1;
    o.modifiedAt = now;
    o.modifiedBy = actor;
  };
  switch (type) {
    case 'UPLOAD':
    case 'EDIT':
    case 'ITEM_MODIFY':
    case 'FILE_VERSION_RESTORE':
      newVersion();
      return { version_id: `${f.id}${o.version}`, size: w.file(f.gen.k)?.bytes().size ?? 0 };
    case 'RENAME':
      o.name = renamed(f.name, w.live.length + 1);
      newVersion();
      return { old_name: f.name, new_name: o.name };
    case 'SHARE':
    case 'ITEM_SHARED_UPDATE': {
      o.link = sharedLink(w, f, input.access ?? (type === 'SHARE' ? 'open' : nextAccess(f.link?.access)));
      newVersion();
      return { shared_link_access: o.link.access };
    }
    case 'UNSHARE':
      o.link = null;
      newVersion();
      return null;
    case 'COLLABORATION_INVITE':
      return inviteCollaborator(w, f, o, now);
    case 'COLLABORATION_ROLE_CHANGE':
      o.collabs = f.collabs.map((c, i) => (i === 0 ? { ...c, role: c.role === 'editor' ? 'viewer' : 'editor' } : c));
      return null;
    case 'COLLABORATION_REMOVE':
      o.collabs = f.collabs.slice(0, -1);
      return null;
    case 'DELETE':
    case 'UNDELETE':
      o.trashedAt = type === 'DELETE' ? now : null;
      w.setTrashed(f.gen.k, f.gen.folder, type === 'DELETE');
      return null;
    default:
      // Read-only activities (previews, downloads, opens...) leave the file as it is.
      return null;
  }
}

/** `report.pdf` → `report (renamed 3).pdf`; a file renamed again keeps one suffix. */
function renamed(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem.replace(/ \(renamed \d+\)$/, '')} (renamed ${n})${dot > 0 ? name.slice(dot) : ''}`;
}

function sharedLink(w: World, f: CurrentFile, access: LinkAccess): NonNullable<FileOverride['link']> {
  return {
    access,
    effectiveAccess: access,
    token: f.link?.token ?? token(w.ent.seed, S.live, f.gen.k + w.live.length * 7919, 32),
    passwordEnabled: false,
    downloadCount: f.link?.downloadCount ?? 0,
    previewCount: f.link?.previewCount ?? 0,
  };
}

/** Invites an external user (one in turn) or, where there are none, the owner's neighbour. */
function inviteCollaborator(w: World, f: CurrentFile, o: FileOverride, now: number): Record<string, unknown> {
  const ext = w.ent.space.externals;
  const users = w.ent.users.length;
  const candidate = ext > 0 ? users - 1 - (w.live.length % ext) : (f.gen.owner + 1) % users;
  const list = [...f.collabs];
  if (candidate !== f.gen.owner && !list.some((c) => c.userIndex === candidate)) {
    list.push({
      id: String(70_000_000_000 + w.live.length),
      userIndex: candidate,
      role: 'editor',
      status: 'accepted',
      createdAt: now,
    });
  }
  o.collabs = list;
  return { role: 'editor', invitee: w.ent.users[candidate]?.login };
}

function nextAccess(a: LinkAccess | undefined): LinkAccess {
  return a === 'open' ? 'company' : a === 'company' ? 'collaborators' : 'open';
}

/** The optional background stream: N activities per second on random files. */
export class LiveActivity {
  private timer: NodeJS.Timeout | null = null;
  private n = 0;
  private carry = 0;
  constructor(private readonly w: World) {}

  start(perSecond: number): void {
    this.stop();
    if (!(perSecond > 0) || this.w.ent.space.files === 0) return;
    const tickMs = 100;
    this.timer = setInterval(() => {
      this.carry += (perSecond * tickMs) / 1000;
      while (this.carry >= 1) {
        this.carry -= 1;
        this.one();
      }
    }, tickMs);
    this.timer.unref();
  }

  one(): SandboxEvent | null {
    const seed = this.w.ent.seed;
    const i = this.n++;
    const k = hash(seed, S.live, i, 1) % this.w.ent.space.files;
    const type = weighted(LIVE_MIX, unit(hash(seed, S.live, i, 2)));
    try {
      return applyActivity(this.w, { fileIndex: k, type });
    } catch {
      return null; // a trashed file: skip this tick's pick
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
