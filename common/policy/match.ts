/**
 * A policy's filter compiled once into a predicate over a file's facts: the live matcher runs
 * it for every policy on every scanned file, so each clause is prepared up front (lower-cased
 * sets, parsed dates) and the predicate only compares. Semantics as documented on PolicyFilter:
 * every field given must hold (AND), any value of a list (OR); an empty filter matches every
 * file. A fact the filter needs but the file lacks (no size, no modified date, not inspected)
 * does not match. Pure; runs everywhere.
 */
import type { DetectorKind } from '../scan/detectors';
import type { PolicyFileFacts, PolicyFilter } from './types';

export type FileMatcher = (facts: PolicyFileFacts) => boolean;

const DAY_MS = 86_400_000;

const lowerSet = (values: readonly string[]) => new Set(values.map((v) => v.toLowerCase()));

/** The domain of a login ("a@Gmail.com" → "gmail.com"); a login without @ has none. */
export function domainOf(login: string): string {
  const at = login.lastIndexOf('@');
  return at < 0 ? '' : login.slice(at + 1).toLowerCase();
}

function externalClause(f: NonNullable<PolicyFilter['external']>): FileMatcher[] {
  const out: FileMatcher[] = [];
  if (f.present !== undefined) {
    const want = f.present;
    out.push((x) => x.externalCollaborators.length > 0 === want);
  }
  if (f.includeDomains) {
    const listed = lowerSet(f.includeDomains);
    out.push((x) => x.externalCollaborators.some((l) => listed.has(domainOf(l))));
  }
  if (f.excludeDomains) {
    const trusted = lowerSet(f.excludeDomains);
    out.push((x) => x.externalCollaborators.some((l) => !trusted.has(domainOf(l))));
  }
  return out;
}

function detectorClause(f: NonNullable<PolicyFilter['detectors']>): FileMatcher {
  const mins: Array<[DetectorKind, number]> = f.min.map((m) => [m.detector, m.count]);
  const all = f.mode === 'all';
  return (x) => {
    const found = x.findings;
    if (!found) return false;
    return all ? mins.every(([d, n]) => found[d] >= n) : mins.some(([d, n]) => found[d] >= n);
  };
}

/** "/Finance/Payroll" holds "/Finance/Payroll" and "/finance/payroll/2024", not "/Finance/Payroll-old". */
function pathClause(prefix: string): FileMatcher {
  const p = prefix.toLowerCase().replace(/\/+$/, '');
  if (p === '') return () => true;
  return (x) => {
    const path = x.path.toLowerCase();
    return path === p || (path.startsWith(p) && path[p.length] === '/');
  };
}

function sizeClause(f: NonNullable<PolicyFilter['size']>): FileMatcher {
  const min = f.minBytes ?? 0;
  const max = f.maxBytes ?? Number.POSITIVE_INFINITY;
  return (x) => x.sizeBytes !== null && x.sizeBytes >= min && x.sizeBytes <= max;
}

/** `before`: modified before that day; `after`: on or after it; `olderThanDays`: relative to `now`. */
function modifiedClause(f: NonNullable<PolicyFilter['modified']>, now: number): FileMatcher {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  if (f.after) lo = Date.parse(f.after);
  if (f.before) hi = Date.parse(f.before);
  if (f.olderThanDays !== undefined) hi = Math.min(hi, now - f.olderThanDays * DAY_MS);
  return (x) => {
    if (x.modifiedAt === null) return false;
    const t = Date.parse(x.modifiedAt);
    return t >= lo && t < hi;
  };
}

function listClauses(filter: PolicyFilter): FileMatcher[] {
  const out: FileMatcher[] = [];
  if (filter.accessLevels) {
    const levels = new Set<string>(filter.accessLevels);
    out.push((x) => x.accessLevel !== null && levels.has(x.accessLevel));
  }
  if (filter.owners) {
    const owners = lowerSet(filter.owners);
    out.push((x) => owners.has(x.ownerLogin.toLowerCase()));
  }
  if (filter.groups) {
    const groups = lowerSet(filter.groups);
    out.push((x) => x.ownerGroups.some((g) => groups.has(g.toLowerCase())));
  }
  if (filter.extensions) {
    const exts = lowerSet(filter.extensions);
    out.push((x) => exts.has(x.ext.toLowerCase()));
  }
  if (filter.inspection) {
    const states = new Set<string>(filter.inspection);
    out.push((x) => states.has(x.inspection));
  }
  return out;
}

/** Compiles a filter; `now` (ms) anchors `olderThanDays` (compile again daily). */
export function compileFilter(filter: PolicyFilter, now: number): FileMatcher {
  const clauses = listClauses(filter);
  if (filter.external) clauses.push(...externalClause(filter.external));
  if (filter.detectors) clauses.push(detectorClause(filter.detectors));
  if (filter.pathPrefix !== undefined) clauses.push(pathClause(filter.pathPrefix));
  if (filter.size) clauses.push(sizeClause(filter.size));
  if (filter.modified) clauses.push(modifiedClause(filter.modified, now));
  const n = clauses.length;
  return (facts) => {
    for (let i = 0; i < n; i++) if (!clauses[i]!(facts)) return false;
    return true;
  };
}
