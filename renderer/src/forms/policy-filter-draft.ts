/**
 * The editor's form as typed (text fields stay text while the admin types) and the PolicyFilter
 * it stands for. The schema's rules (a list has at least one value, a domain looks like one) are
 * checked by the shared policyFilterSchema, so the editor and a policy file agree.
 */
import type { ZodIssue } from 'zod';
import { policyFilterSchema } from '../../../common/policy/schema';
import type { PolicyFilter } from '../../../common/policy/types';
import type { AccessLevel } from '../../../common/scan/access-level';
import type { DetectorKind } from '../../../common/scan/detectors';
import type { InspectionState } from '../../../common/scan/inspection';

export const DETECTORS: readonly DetectorKind[] = ['card', 'iban', 'ssn', 'nino', 'email'];

export interface FilterDraft {
  accessLevels: AccessLevel[];
  externalPresent: '' | 'yes' | 'no';
  includeDomains: string;
  excludeDomains: string;
  /** '' = not said (any). */
  detectorMode: '' | 'any' | 'all';
  detectorMin: Record<DetectorKind, string>;
  owners: string;
  groups: string;
  pathPrefix: string;
  extensions: string;
  minBytes: string;
  maxBytes: string;
  modifiedAfter: string;
  modifiedBefore: string;
  olderThanDays: string;
  inspection: InspectionState[];
}

/** The field names the editor marks when the schema rejects a value. */
export type DraftField = keyof FilterDraft;

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const list = (values: string[] | undefined): string => (values ?? []).join(', ');

export function filterToDraft(filter: PolicyFilter): FilterDraft {
  const min = Object.fromEntries(DETECTORS.map((d) => [d, ''])) as Record<DetectorKind, string>;
  for (const { detector, count } of filter.detectors?.min ?? []) min[detector] = String(count);
  const present = filter.external?.present;
  return {
    accessLevels: filter.accessLevels ?? [],
    externalPresent: present === undefined ? '' : present ? 'yes' : 'no',
    includeDomains: list(filter.external?.includeDomains),
    excludeDomains: list(filter.external?.excludeDomains),
    detectorMode: filter.detectors?.mode ?? '',
    detectorMin: min,
    owners: list(filter.owners),
    groups: list(filter.groups),
    pathPrefix: filter.pathPrefix ?? '',
    extensions: list(filter.extensions),
    minBytes: text(filter.size?.minBytes),
    maxBytes: text(filter.size?.maxBytes),
    modifiedAfter: filter.modified?.after?.slice(0, 10) ?? '',
    modifiedBefore: filter.modified?.before?.slice(0, 10) ?? '',
    olderThanDays: text(filter.modified?.olderThanDays),
    inspection: filter.inspection ?? [],
  };
}

/** "a, b  c" → ['a', 'b', 'c']; undefined when empty (the schema wants no empty list). */
function values(
  typed: string,
  normalise: (value: string) => string = (v) => v,
  separator: RegExp = /[,\s]+/,
): string[] | undefined {
  const parts = typed
    .split(separator)
    .map((part) => normalise(part.trim()))
    .filter(Boolean);
  return parts.length ? parts : undefined;
}

/** A typed number; NaN stays (the schema then names the field). */
function number(typed: string): number | undefined {
  return typed.trim() === '' ? undefined : Number(typed.trim());
}

/** Drops the keys whose value is undefined; undefined when none is left. */
function compact<T extends object>(value: T): T | undefined {
  const kept = Object.entries(value).filter(([, v]) => v !== undefined);
  return kept.length ? (Object.fromEntries(kept) as T) : undefined;
}

export function draftToFilter(draft: FilterDraft): PolicyFilter {
  const min = DETECTORS.filter((d) => draft.detectorMin[d].trim() !== '' && number(draft.detectorMin[d]) !== 0).map(
    (detector) => ({ detector, count: number(draft.detectorMin[detector])! }),
  );
  const filter: PolicyFilter = {
    accessLevels: draft.accessLevels.length ? draft.accessLevels : undefined,
    external: compact({
      present: draft.externalPresent === '' ? undefined : draft.externalPresent === 'yes',
      includeDomains: values(draft.includeDomains, (v) => v.toLowerCase()),
      excludeDomains: values(draft.excludeDomains, (v) => v.toLowerCase()),
    }),
    detectors: min.length ? compact({ mode: draft.detectorMode || undefined, min }) : undefined,
    owners: values(draft.owners),
    // A group's name may hold spaces ("Finance Team"): only commas separate groups.
    groups: values(draft.groups, (v) => v, /,/),
    pathPrefix: draft.pathPrefix.trim() || undefined,
    extensions: values(draft.extensions, (v) => v.replace(/^\./, '').toLowerCase()),
    size: compact({ minBytes: number(draft.minBytes), maxBytes: number(draft.maxBytes) }),
    modified: compact({
      after: draft.modifiedAfter || undefined,
      before: draft.modifiedBefore || undefined,
      olderThanDays: number(draft.olderThanDays),
    }),
    inspection: draft.inspection.length ? draft.inspection : undefined,
  };
  return compact(filter) ?? {};
}

/** Which draft field a schema issue is about. */
function fieldOf(issue: ZodIssue): DraftField {
  const [top, inner] = issue.path.map(String);
  if (top === 'external') return inner === 'excludeDomains' ? 'excludeDomains' : 'includeDomains';
  if (top === 'detectors') return 'detectorMin';
  if (top === 'size') return inner === 'maxBytes' ? 'maxBytes' : 'minBytes';
  if (top === 'modified')
    return inner === 'before' ? 'modifiedBefore' : inner === 'after' ? 'modifiedAfter' : 'olderThanDays';
  return (top ?? 'accessLevels') as DraftField;
}

export interface CheckedDraft {
  filter: PolicyFilter | null;
  /** The schema's message for each field it rejects. */
  problems: Partial<Record<DraftField, string>>;
}

export function checkDraft(draft: FilterDraft): CheckedDraft {
  const parsed = policyFilterSchema.safeParse(draftToFilter(draft));
  if (parsed.success) return { filter: parsed.data, problems: {} };
  const problems: CheckedDraft['problems'] = {};
  for (const issue of parsed.error.issues) problems[fieldOf(issue)] ??= issue.message;
  return { filter: null, problems };
}
