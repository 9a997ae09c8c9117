/**
 * Activities on files: each becomes an event in the log AND changes the file the way it would
 * in Box (a new version, a new or changed shared link, a collaborator, the trash). Used by the
 * control API (inject) and by the optional background stream.
 */
import { hash, Rng, S, token, unit, weighted } from '../generator/prng';
import type { SandboxEvent } from '../generator/events';
import type { LinkAccess } from '../generator/files';
import type { World } from './world';

export const ACTIVITY_TYPES = [
  'UPLOAD', 'EDIT', 'ITEM_MODIFY', 'FILE_VERSION_RESTORE', 'RENAME', 'SHARE', 'ITEM_SHARED_UPDATE', 'UNSHARE',
  'SHARED_LINK_SEND', 'COLLABORATION_INVITE', 'COLLABORATION_ROLE_CHANGE', 'COLLABORATION_REMOVE', 'DELETE',
  'UNDELETE', 'PREVIEW', 'DOWNLOAD', 'FILE_WATERMARKED_DOWNLOAD', 'ITEM_OPEN', 'CONTENT_ACCESS', 'ITEM_SYNC', 'COPY',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

const LIVE_MIX: readonly (readonly [ActivityType, number])[] = [
  ['PREVIEW', 25], ['DOWNLOAD', 15], ['EDIT', 15], ['UPLOAD', 10], ['ITEM_OPEN', 5], ['SHARE', 6],
  ['ITEM_SHARED_UPDATE', 3], ['UNSHARE', 2], ['COLLABORATION_INVITE', 5], ['COLLABORATION_REMOVE', 1],
  ['RENAME', 3], ['SHARED_LINK_SEND', 2], ['DELETE', 1], ['CONTENT_ACCESS', 2],
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
  const now = w.now();
  const o = w.override(f.gen.k);
  const bump = () => {
    o.modifiedAt = now;
    o.modifiedBy = actor;
  };
  let details: Record<string, unknown> | null = null;
  switch (type) {
    case 'UPLOAD':
    case 'EDIT':
    case 'ITEM_MODIFY':
    case 'FILE_VERSION_RESTORE':
      o.version = f.version + 1;
      bump();
      details = { version_id: `${f.id}${o.version}`, size: w.file(f.gen.k)?.bytes().size ?? 0 };
      break;
    case 'RENAME': {
      const dot = f.name.lastIndexOf('.');
      const stem = dot > 0 ? f.name.slice(0, dot) : f.name;
      o.name = `${stem.replace(/ \(renamed \d+\)$/, '')} (renamed ${w.live.length + 1})${dot > 0 ? f.name.slice(dot) : ''}`;
      o.version = f.version + 1;
      bump();
      details = { old_name: f.name, new_name: o.name };
      break;
    }
    case 'SHARE':
    case 'ITEM_SHARED_UPDATE': {
      const next: LinkAccess = input.access ?? (type === 'SHARE' ? 'open' : nextAccess(f.link?.access));
      o.link = {
        access: next,
        effectiveAccess: next,
        token: f.link?.token ?? token(w.ent.seed, S.live, f.gen.k + w.live.length * 7919, 32),
        passwordEnabled: false,
        downloadCount: f.link?.downloadCount ?? 0,
        previewCount: f.link?.previewCount ?? 0,
      };
      o.version = f.version + 1;
      bump();
      details = { shared_link_access: next };
      break;
    }
    case 'UNSHARE':
      o.link = null;
      o.version = f.version + 1;
      bump();
      break;
    case 'COLLABORATION_INVITE': {
      const ext = w.ent.space.externals;
      const users = w.ent.users.length;
      const candidate = ext > 0 ? users - 1 - (w.live.length % ext) : (f.gen.owner + 1) % users;
      const list = [...f.collabs];
      if (candidate !== f.gen.owner && !list.some((c) => c.userIndex === candidate)) {
        list.push({ id: String(70_000_000_000 + w.live.length), userIndex: candidate, role: 'editor', status: 'accepted', createdAt: now });
      }
      o.collabs = list;
      details = { role: 'editor', invitee: w.ent.users[candidate]?.login };
      break;
    }
    case 'COLLABORATION_ROLE_CHANGE':
      o.collabs = f.collabs.map((c, i) => (i === 0 ? { ...c, role: c.role === 'editor' ? 'viewer' : 'editor' } : c));
      break;
    case 'COLLABORATION_REMOVE':
      o.collabs = f.collabs.slice(0, -1);
      break;
    case 'DELETE':
      o.trashedAt = now;
      w.setTrashed(f.gen.k, f.gen.folder, true);
      break;
    case 'UNDELETE':
      o.trashedAt = null;
      w.setTrashed(f.gen.k, f.gen.folder, false);
      break;
    default:
      // Read-only activities (previews, downloads, opens...) leave the file as it is.
      break;
  }
  const r = new Rng(hash(w.ent.seed, S.live, w.live.length));
  return w.appendEvent({
    eventId: `${r.int(0x10000000).toString(16).padStart(7, '0')}-live-${w.live.length.toString(16)}-${token(w.ent.seed, S.live, w.live.length, 12)}`,
    type, actor, file: f.gen.k, folder: -1,
    ip: `10.${r.int(200)}.${r.int(250)}.${1 + r.int(250)}`,
    details,
  });
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
