/**
 * The directory step after the users: the enterprise's groups and their memberships, so a
 * policy can filter on the owner's groups. One request per page of groups and one per page of
 * each group's members (a few requests, never one per user). An account Box does not let read
 * groups (no manage_groups scope, 403), or any failure reading them, keeps the groups read
 * before and the scan goes on: a group filter then matches on what is known. A failure is
 * recorded (`groupsProblem`), never thrown.
 */
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
import { errorMessage } from '../store/redact';
import type { ScanStore } from '../store/scan-store';

interface Page<T> {
  entries: T[];
  total_count?: number;
}
interface Group {
  id: string;
  name?: string;
}
interface Membership {
  user?: { id?: string } | null;
}

async function allPages<T>(api: BoxApi, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ;) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await api.get<Page<T>>(`${path}${sep}limit=1000&offset=${offset}`, { kind: 'users', page: 'entries' });
    out.push(...page.entries);
    offset += page.entries.length;
    if (page.entries.length === 0 || offset >= (page.total_count ?? 0)) return out;
  }
}

const PROBLEM_META = 'groups_problem';

/** The groups step's last failure (scrubbed), or null when the last read went well. */
export function groupsProblem(store: ScanStore): { at: string; reason: string } | null {
  const raw = store.meta(PROBLEM_META);
  return raw ? (JSON.parse(raw) as { at: string; reason: string }) : null;
}

async function readMemberships(api: BoxApi): Promise<Array<{ userId: string; groupId: string; groupName: string }>> {
  const groups = await allPages<Group>(api, '/groups?fields=id,name');
  const rows: Array<{ userId: string; groupId: string; groupName: string }> = [];
  for (const g of groups) {
    const members = await allPages<Membership>(api, `/groups/${encodeURIComponent(g.id)}/memberships`);
    for (const m of members) if (m.user?.id) rows.push({ userId: m.user.id, groupId: g.id, groupName: g.name ?? '' });
  }
  return rows;
}

/**
 * Reads the memberships and keeps them. Reading groups is extra: any failure here (beyond a
 * refusal, which is no failure) keeps what was read before, is recorded as this step's
 * failure, and the users phase goes on; a lost sign-in shows again at the scan's next call.
 */
export async function discoverGroups(api: BoxApi, store: ScanStore): Promise<void> {
  let rows: Array<{ userId: string; groupId: string; groupName: string }>;
  try {
    rows = await readMemberships(api);
  } catch (e) {
    if (e instanceof BoxApiError && (e.status === 403 || e.status === 404)) return store.setMeta(PROBLEM_META, '');
    const reason = errorMessage(e);
    store.setMeta(PROBLEM_META, JSON.stringify({ at: new Date().toISOString(), reason }));
    process.stderr.write(`scan: the groups could not be read (${reason}); the groups read before are kept\n`);
    return;
  }
  store.tx(() => {
    store.replaceUserGroups(rows);
    store.setMeta(PROBLEM_META, '');
  });
}
