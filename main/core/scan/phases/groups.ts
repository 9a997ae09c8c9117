/**
 * The directory step after the users: the enterprise's groups and their memberships, so a
 * policy can filter on the owner's groups. One request per page of groups and one per page of
 * each group's members (a few requests, never one per user). An account Box does not let read
 * groups (no manage_groups scope, 403) keeps the groups read before and the scan goes on: a
 * group filter then matches on what is known.
 */
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
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

export async function discoverGroups(api: BoxApi, store: ScanStore): Promise<void> {
  let groups: Group[];
  try {
    groups = await allPages<Group>(api, '/groups?fields=id,name');
  } catch (e) {
    if (e instanceof BoxApiError && (e.status === 403 || e.status === 404)) return;
    throw e;
  }
  const rows: Array<{ userId: string; groupId: string; groupName: string }> = [];
  for (const g of groups) {
    const members = await allPages<Membership>(api, `/groups/${encodeURIComponent(g.id)}/memberships`);
    for (const m of members) if (m.user?.id) rows.push({ userId: m.user.id, groupId: g.id, groupName: g.name ?? '' });
  }
  store.tx(() => store.replaceUserGroups(rows));
}
