/**
 * The enterprise's people: one primary admin (index 0), a few co-admins, managed users, and
 * external collaborators at the end (they are Box users of other companies, not members).
 * A user count is small enough (thousands at most) to keep as plain objects.
 */
import { hash, pickBy, S } from './prng';
import { indexOfId } from './ids';
import { COMPANIES, EXTERNAL_DOMAINS, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './words';

export type Role = 'admin' | 'coadmin' | 'user';

export interface SandboxUser {
  index: number;
  id: string;
  name: string;
  login: string;
  /** Role as generated; the live role (control API can change it) lives in state. */
  role: Role;
  external: boolean;
  jobTitle: string;
  phone: string;
  timezone: string;
  createdAt: number;
  spaceUsed: number;
}

export interface EnterpriseIdentity {
  id: string;
  name: string;
  /** Subdomain used for shared-link URLs (acme.app.box.com/s/...). */
  slug: string;
}

export function makeEnterpriseIdentity(seed: number): EnterpriseIdentity {
  const name = pickBy(COMPANIES, hash(seed, S.enterprise, 0));
  return {
    id: String(10_000_000 + (hash(seed, S.enterprise, 1) % 89_999_999)),
    name,
    slug: name.toLowerCase().replace(/[^a-z]/g, ''),
  };
}

const TIMEZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo'];

/** Layout of roles by index. Kept as arithmetic so other modules can ask without the objects. */
export function roleLayout(userCount: number): { coadmins: number; externals: number } {
  const coadmins = userCount >= 4 ? Math.max(1, Math.round(userCount * 0.03)) : userCount >= 2 ? 1 : 0;
  const externals = userCount >= 5 ? Math.max(1, Math.round(userCount * 0.1)) : 0;
  return { coadmins, externals };
}

export function generateUsers(seed: number, count: number, ent: EnterpriseIdentity, epochMs: number): SandboxUser[] {
  const { coadmins, externals } = roleLayout(count);
  const base = 10_000_000_000 + (hash(seed, S.user, 0x7fffffff) % 8_000_000) * 1000;
  const users: SandboxUser[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const external = i >= count - externals;
    const first = pickBy(FIRST_NAMES, hash(seed, S.user, i, 0));
    const last = pickBy(LAST_NAMES, hash(seed, S.user, i, 1));
    // Logins must be unique: a repeat of first.last gets a number, as real directories do.
    const stem = `${first}.${last}`.toLowerCase();
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    const domain = external ? pickBy(EXTERNAL_DOMAINS, hash(seed, S.user, i, 2)) : `${ent.slug}.com`;
    users.push({
      index: i,
      id: String(base + i),
      name: `${first} ${last}`,
      login: `${stem}${n > 1 ? n : ''}@${domain}`,
      role: i === 0 ? 'admin' : i <= coadmins && !external ? 'coadmin' : 'user',
      external,
      jobTitle: i === 0 ? 'IT Administrator' : pickBy(JOB_TITLES, hash(seed, S.user, i, 3)),
      phone: `+1 555 ${String(hash(seed, S.user, i, 4) % 10_000_000).padStart(7, '0')}`,
      timezone: pickBy(TIMEZONES, hash(seed, S.user, i, 5)),
      createdAt: epochMs - (30 + (hash(seed, S.user, i, 6) % 1500)) * 86_400_000,
      spaceUsed: hash(seed, S.user, i, 7) % 50_000_000_000,
    });
  }
  return users;
}

export function userIndexById(users: readonly SandboxUser[], id: string): number {
  const first = users[0];
  return first ? indexOfId(id, Number(first.id), users.length) : -1;
}
