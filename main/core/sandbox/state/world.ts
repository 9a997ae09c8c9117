/**
 * Everything that can change after start-up, on top of the generated enterprise: roles, app
 * and enterprise settings, per-file overrides, live events, tokens, faults. Only what changed
 * is stored; an untouched file costs nothing.
 */
import type { Enterprise } from '../generator/enterprise';
import { historyEvent, historyIndexAtOrAfter, type SandboxEvent } from '../generator/events';
import {
  contentSummary,
  fileDocument,
  fileIdOf,
  generateFile,
  generateFileCollabs,
  type ContentSummary,
  type FileBytes,
  type FileCollab,
  type GeneratedFile,
  type GeneratedLink,
} from '../generator/files';
import { folderOfFile, type FolderCollab } from '../generator/tree';
import type { Role } from '../generator/users';
import type { GeneratedDocument } from '../generator/documents';
import { Clock } from './clock';
import { ContentCache } from './content-cache';
import { TokenStore } from './tokens';
import { UploadStore, uploadedSummary } from './uploads';
import { RepresentationStates } from './representations';
import { MoveIndex } from './moves';

export const ALL_SCOPES = [
  'root_readonly',
  'root_readwrite',
  'manage_managed_users',
  'manage_groups',
  'manage_enterprise_properties',
] as const;

export interface AppConfig {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  scopes: Set<string>;
  /** App setting "Perform Actions as Users". */
  asUserEnabled: boolean;
  /** An admin explicitly disabled the app for the enterprise. */
  disabledByAdmin: boolean;
  accessTtlMs: number;
}

export interface EnterpriseSettings {
  hasEnterprise: boolean;
  restrictUnpublished: boolean;
  allowedClientIds: Set<string>;
}

export interface FaultSettings {
  latencyMs: number;
  errorRate: number;
  dropRate: number;
  malformedRate: number;
}

export interface FileOverride {
  version?: number;
  modifiedAt?: number;
  modifiedBy?: number;
  name?: string;
  link?: GeneratedLink | null;
  collabs?: FileCollab[];
  trashedAt?: number | null;
  /** Moved (PUT parent): the folder it is in now, and its new owner (the folder's, as in Box). */
  folder?: number;
  owner?: number;
}

export interface CurrentFile {
  gen: GeneratedFile;
  id: string;
  name: string;
  version: number;
  modifiedAt: number;
  modifiedBy: number;
  link: GeneratedLink | null;
  collabs: FileCollab[];
  trashedAt: number | null;
  /** Size, SHA-1 and the bytes as downloads serve them. */
  bytes(): FileBytes;
  /** Size, SHA-1, expected findings and outcome (cached per version). */
  content(): ContentSummary;
  /** The generated document (bytes, Box's text, truth); null for streamed media and large files. */
  document(): GeneratedDocument | null;
}

export class World {
  readonly clock: Clock;
  readonly tokens = new TokenStore();
  readonly roles = new Map<number, Role>();
  readonly overrides = new Map<number, FileOverride>();
  /** Trashed file indices per folder, sorted: listings skip them. */
  readonly trashed = new Map<number, number[]>();
  readonly live: SandboxEvent[] = [];
  /** Top folders whose collaborations changed since start-up (the whole new list). */
  readonly folderCollabs = new Map<number, FolderCollab[]>();
  readonly faults: FaultSettings = { latencyMs: 0, errorRate: 0, dropRate: 0, malformedRate: 0 };
  rateLimitPerSecond = 0;
  /** Collaborations created through POST /collaborations get ids from here (never reused). */
  private collabSeq = 0;
  readonly contents = new ContentCache();
  /** Files, versions and folders uploaded through the API (state/uploads.ts). */
  readonly uploads: UploadStore;
  /** Where each file's extracted_text representation is in its generation. */
  readonly representations = new RepresentationStates();
  /** Files moved out of their first folder (listings hide them there, show them where they went). */
  readonly moves = new MoveIndex();

  constructor(
    readonly ent: Enterprise,
    readonly app: AppConfig,
    readonly settings: EnterpriseSettings,
    now?: () => number,
  ) {
    this.clock = new Clock(now);
    this.uploads = new UploadStore(ent.space.files, ent.tree.folderCount);
  }

  now(): number {
    return this.clock.now();
  }

  roleOf(i: number): Role {
    if (!this.settings.hasEnterprise) return 'user';
    return this.roles.get(i) ?? this.ent.users[i]?.role ?? 'user';
  }

  /** Box refuses an app the enterprise has not enabled (unpublished-app restriction or disabled). */
  appAllowed(): boolean {
    if (!this.settings.hasEnterprise) return true; // no enterprise, no admin to restrict apps
    if (this.app.disabledByAdmin) return false;
    return !this.settings.restrictUnpublished || this.settings.allowedClientIds.has(this.app.clientId);
  }

  file(k: number): CurrentFile | null {
    if (k < 0) return null;
    const born = k < this.ent.space.files ? generateFile(this.ent.space, k) : this.uploads.fileGen(k);
    if (!born) return null;
    const o = this.overrides.get(k);
    // A moved file is, to every route and view, a file of its new folder and owner.
    const gen = o?.folder === undefined ? born : { ...born, folder: o.folder, owner: o.owner ?? born.owner };
    const version = o?.version ?? gen.version;
    const loginOf = (u: number) => this.ent.users[u]?.login ?? '';
    // Uploaded content (a new file, or a new version of a generated one) replaces the generated document.
    const uploaded = this.uploads.contentOf(k);
    // One generation per CurrentFile: a cold download needs the summary and the bytes.
    let doc: GeneratedDocument | null | undefined;
    const document = () =>
      // The bytes are the file's as generated: a move changes where it is, not what it holds.
      uploaded ? null : doc === undefined ? (doc = fileDocument(this.ent.space, born, version, loginOf)) : doc;
    const content = () =>
      uploaded
        ? uploadedSummary(uploaded, gen.hasText)
        : this.contents.get(k, version, () => contentSummary(this.ent.space, born, version, document()));
    return {
      gen,
      id: fileIdOf(this.ent.space, k),
      name: o?.name ?? gen.name,
      version,
      modifiedAt: o?.modifiedAt ?? gen.modifiedAt,
      modifiedBy: o?.modifiedBy ?? gen.modifiedBy,
      link: o && 'link' in o ? (o.link ?? null) : gen.link,
      collabs: o?.collabs ?? (k >= this.ent.space.files ? [] : generateFileCollabs(this.ent.space, k, born.owner)),
      trashedAt: o?.trashedAt ?? null,
      bytes: () => {
        if (uploaded) return { size: uploaded.size, sha1: uploaded.sha1, read: () => uploaded.bytes };
        const c = content();
        return { size: c.size, sha1: c.sha1, read: () => document()?.bytes ?? null };
      },
      content,
      document,
    };
  }

  /** A top folder's collaborations as they are now (they cover its whole subtree). */
  topCollabs(top: number): FolderCollab[] {
    return this.folderCollabs.get(top) ?? this.ent.tree.collabs.get(top) ?? [];
  }

  /** Top folders shared with `actor` (accepted), generated ones adjusted by later changes. */
  sharedTops(actor: number): number[] {
    const accepted = (top: number) =>
      this.topCollabs(top).some((c) => c.userIndex === actor && c.status === 'accepted');
    const out = (this.ent.tree.sharedTops[actor] ?? []).filter((top) => !this.folderCollabs.has(top) || accepted(top));
    for (const top of this.folderCollabs.keys()) if (accepted(top) && !out.includes(top)) out.push(top);
    return out;
  }

  newCollabId(): string {
    return String(80_000_000_000 + this.collabSeq++);
  }

  override(k: number): FileOverride {
    let o = this.overrides.get(k);
    if (!o) this.overrides.set(k, (o = {}));
    return o;
  }

  /** The folder file k was generated or uploaded in (a move changes `gen.folder`, not this). */
  originFolder(k: number): number {
    return k < this.ent.space.files ? folderOfFile(this.ent.tree, k) : (this.uploads.fileGen(k)?.folder ?? -1);
  }

  setTrashed(k: number, folder: number, trashed: boolean): void {
    const list = this.trashed.get(folder) ?? [];
    const at = list.indexOf(k);
    if (trashed && at < 0) {
      list.push(k);
      list.sort((a, b) => a - b);
    } else if (!trashed && at >= 0) list.splice(at, 1);
    this.trashed.set(folder, list);
  }

  // --- the event log: generated history (ordinals 0..count-1) then live events ---

  eventCount(): number {
    return this.ent.history.count + this.live.length;
  }

  eventAt(o: number): SandboxEvent | null {
    const h = this.ent.history;
    if (o < 0) return null;
    if (o < h.count) return historyEvent(h, o, this.ent.picker);
    return this.live[o - h.count] ?? null;
  }

  /** First ordinal whose event time is >= t (events are chronological by ordinal). */
  ordinalAtOrAfter(t: number): number {
    const h = this.ent.history;
    if (h.count === 0 || t <= h.end) {
      const i = historyIndexAtOrAfter(h, t);
      if (i < h.count) return i;
    }
    let lo = 0;
    let hi = this.live.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.live[mid]?.time ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return h.count + lo;
  }

  appendEvent(e: Omit<SandboxEvent, 'ordinal' | 'time'>): SandboxEvent {
    const last = this.live[this.live.length - 1];
    // Live events are appended in time order; the clock only moves forward, but two events in
    // the same millisecond must still not go backwards.
    const time = Math.max(this.now(), last?.time ?? 0, this.ent.history.end);
    const ev: SandboxEvent = { ...e, ordinal: this.eventCount(), time };
    this.live.push(ev);
    return ev;
  }
}
