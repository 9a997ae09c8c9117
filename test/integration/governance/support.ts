/**
 * The governance tests' world: a signed-in home on an in-process sandbox, the GovernanceBox over
 * the SDK and a scheduler, and the sandbox's ground truth and admin_logs (the control API) to
 * check each change against, independently of what the actions read back.
 */
import { connectToSandbox, type Connected } from '../../helpers/connected';
import { RequestScheduler } from '../../../main/core/scan/scheduler';
import { governanceFor, type BoxGovernance } from '../../../main/core/governance/box-governance';
import { truthFiles, type AdminEvent, type TruthEntry } from '../../helpers/sandbox-truth';
export type { AdminEvent, TruthEntry } from '../../helpers/sandbox-truth';

export interface TruthFile {
  id: string;
  name: string;
  owner_id: string;
  folder_id: string;
  size: number;
  shared_link: {
    access: string;
    effective_access: string;
    password_enabled: boolean;
    unshared_at: string | null;
    can_download: boolean;
    can_edit: boolean;
  } | null;
  collaborations: { id: string; user_id: string; role: string; status: string }[];
  trashed: boolean;
}

export interface TruthUser {
  id: string;
  login: string;
  role: string;
  external: boolean;
}

export interface GovernanceWorld {
  connected: Connected;
  box: BoxGovernance;
  scheduler: RequestScheduler;
  users: TruthUser[];
  adminId: string;
  ctl<T>(path: string): Promise<T>;
  /** Every file's truth, by id. */
  snapshot(): Promise<Map<string, TruthEntry>>;
  file(id: string): Promise<TruthFile>;
  /** admin_logs events recorded since `mark()`, oldest first. */
  mark(): Promise<() => Promise<AdminEvent[]>>;
  close(): Promise<void>;
}

export async function governanceWorld(options: {
  seed: number;
  files: number;
  users: number;
}): Promise<GovernanceWorld> {
  const connected = await connectToSandbox(options);
  const scheduler = new RequestScheduler({ ratePerSecond: 0, concurrency: 4 });
  const box = await governanceFor(connected.manager, scheduler, { home: connected.home });
  const control = connected.sandbox.info.controlUrl;
  const ctl = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${control}${path}`);
    if (res.status !== 200) throw new Error(`control ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const users = (await ctl<{ users: TruthUser[] }>('/truth')).users;
  return {
    connected,
    box,
    scheduler,
    users,
    adminId: connected.sandbox.info.signInUserId,
    ctl,
    async snapshot() {
      return truthFiles(ctl);
    },
    file: (id) => ctl<TruthFile>(`/truth/files/${id}`),
    async mark() {
      // Events of the last seconds before the change are set aside by id: what remains is the change's.
      const since = encodeURIComponent(new Date(Date.now() - 5000).toISOString());
      const recent = async () => (await ctl<{ entries: AdminEvent[] }>(`/truth/events?after=${since}`)).entries;
      const seen = new Set((await recent()).map((e) => e.event_id));
      return async () => (await recent()).filter((e) => !seen.has(e.event_id));
    },
    close: () => connected.cleanup(),
  };
}

/** Ids whose truth differs between two snapshots, and ids new in the second. */
export function changedIds(
  before: Map<string, TruthEntry>,
  after: Map<string, TruthEntry>,
): { changed: string[]; added: string[] } {
  const changed: string[] = [];
  const added: string[] = [];
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) added.push(id);
    else if (JSON.stringify(old) !== JSON.stringify(e)) changed.push(id);
  }
  return { changed, added };
}
