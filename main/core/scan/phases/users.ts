/** Phase 1: who the account is, the enterprise's managed users, and whom it may act as. */
import type { BoxApi } from '../box-api';
import type { ScanStore } from '../store/scan-store';
import { discoverGroups } from './groups';

interface BoxUser {
  id: string;
  name: string;
  login: string;
  role?: string;
}

/**
 * Box refuses As-User for yourself (you list your own content without the header), and a
 * co-admin may not act as the primary admin or another co-admin: their content is "not scanned".
 */
export function reachability(me: BoxUser, u: BoxUser): { reachable: boolean; reason: string | null } {
  if (u.id === me.id) return { reachable: true, reason: null };
  if (me.role === 'admin') return { reachable: true, reason: null };
  if (me.role === 'coadmin') {
    if (u.role === 'admin')
      return {
        reachable: false,
        reason: 'owned by the primary admin: a co-admin cannot act as the primary admin (Box refuses As-User)',
      };
    if (u.role === 'coadmin')
      return {
        reachable: false,
        reason: 'owned by another co-admin: a co-admin cannot act as another co-admin (Box refuses As-User)',
      };
    return { reachable: true, reason: null };
  }
  return { reachable: false, reason: 'the signed-in account is not an admin, so it cannot act as other users' };
}

export async function discoverUsers(api: BoxApi, store: ScanStore): Promise<BoxUser & { role?: string }> {
  const me = await api.get<BoxUser>('/users/me?fields=id,name,login,role,enterprise', { kind: 'users' });
  const users: BoxUser[] = [];
  let marker: string | null | undefined = null;
  do {
    const q = new URLSearchParams({
      usemarker: 'true',
      limit: '1000',
      user_type: 'managed',
      fields: 'id,name,login,role',
    });
    if (marker) q.set('marker', marker);
    const page: { entries: BoxUser[]; next_marker?: string | null } = await api.get(`/users?${q}`, {
      kind: 'users',
      page: 'items',
    });
    users.push(...page.entries);
    marker = page.next_marker;
  } while (marker);
  if (!users.some((u) => u.id === me.id)) users.unshift(me);
  store.tx(() => {
    for (const u of users) {
      const r = reachability(me, u);
      const existing = store.user(u.id);
      store.upsertUser({
        id: u.id,
        login: u.login,
        name: u.name,
        role: u.role ?? null,
        reachable: existing && existing.reachable === 0 && existing.reason ? 0 : r.reachable ? 1 : 0,
        reason: existing?.reason ?? r.reason,
        self: u.id === me.id ? 1 : 0,
      });
    }
    store.setMeta('me', JSON.stringify(me));
  });
  await discoverGroups(api, store);
  return me;
}
