/**
 * The enterprise's Box groups, a pure function of the seed and the users: one group per
 * department (from the job title), a "Leadership" group for managers, directors and leads,
 * and two project groups drawn at random. A managed user belongs to 0–3 groups (some to
 * none: not everyone's department has a group in Box); external users to none. Computed once
 * per world and kept (thousands of users at most).
 */
import { hash } from '../generator/prng';
import type { SandboxUser } from '../generator/users';

export interface SandboxGroup {
  id: string;
  name: string;
  /** User indexes, in user order. */
  members: number[];
}

export interface Groups {
  groups: SandboxGroup[];
  /** Each user's group indexes. */
  ofUser: Map<number, number[]>;
}

const GROUP_STREAM = 24;

const DEPARTMENT_OF_TITLE: Record<string, string> = {
  'Account Manager': 'Sales',
  'Sales Director': 'Sales',
  'Financial Analyst': 'Finance',
  Controller: 'Finance',
  'HR Generalist': 'People',
  'Software Engineer': 'Engineering',
  'Legal Counsel': 'Legal',
  'Marketing Lead': 'Marketing',
  'Operations Manager': 'Operations',
  'IT Administrator': 'IT',
};
const DEPARTMENTS = ['Sales', 'Finance', 'People', 'Engineering', 'Legal', 'Marketing', 'Operations', 'IT'];
const NAMES = [...DEPARTMENTS, 'Leadership', 'Project Phoenix', 'Project Atlas'];

function groupsOfUser(seed: number, u: SandboxUser): string[] {
  if (u.external) return [];
  const out: string[] = [];
  const h = (j: number) => hash(seed, GROUP_STREAM, u.index, j) % 100;
  const dept = DEPARTMENT_OF_TITLE[u.jobTitle];
  if (dept && h(0) < 80) out.push(dept);
  if (/Manager|Director|Lead|Controller/.test(u.jobTitle) && h(1) < 70) out.push('Leadership');
  const project = h(2);
  if (project < 15) out.push('Project Phoenix');
  else if (project < 25) out.push('Project Atlas');
  return out;
}

export function makeGroups(seed: number, users: readonly SandboxUser[]): Groups {
  const base = 40_000_000 + (hash(seed, GROUP_STREAM, 0x7fffffff) % 1_000_000) * 100;
  const groups: SandboxGroup[] = NAMES.map((name, i) => ({ id: String(base + i), name, members: [] }));
  const byName = new Map(groups.map((g, i) => [g.name, i]));
  const ofUser = new Map<number, number[]>();
  for (const u of users) {
    const mine = groupsOfUser(seed, u).map((n) => byName.get(n)!);
    for (const g of mine) groups[g]!.members.push(u.index);
    ofUser.set(u.index, mine);
  }
  return { groups, ofUser };
}

const cache = new WeakMap<object, Groups>();

/** The world's groups, made on first use. `key`: the enterprise object (one per world). */
export function groupsOf(key: object, seed: number, users: readonly SandboxUser[]): Groups {
  let g = cache.get(key);
  if (!g) cache.set(key, (g = makeGroups(seed, users)));
  return g;
}

/** A user's group names, in group order. */
export function groupNames(g: Groups, userIndex: number): string[] {
  return (g.ofUser.get(userIndex) ?? []).map((i) => g.groups[i]!.name);
}
