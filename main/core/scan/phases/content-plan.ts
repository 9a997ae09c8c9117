/**
 * What a file's content needs, from its listing row alone: nothing (Not applicable, too large,
 * unsupported, or the same content already inspected: reused), one download for the local
 * extractor, or Box's text representation. Pure: the caller hands in the lookup by SHA-1.
 */
import {
  maskValue,
  type InspectionMethod,
  type InspectionReason,
  type InspectionResult,
  type Locations,
} from '../../../../common/scan/inspection';
import {
  BOX_TEXT_EXTENSIONS,
  LOCAL_EXTENSIONS,
  MAX_INSPECT_BYTES,
  NO_TEXT_EXTENSIONS,
} from '../../../../common/scan/priority';
import type { ContentRow, FileRow } from '../store/scan-store';

/** A file's content result as the store keeps it (findings and locations as JSON). */
export interface ContentOutcome {
  state: string;
  reason: InspectionReason | null;
  method: InspectionMethod | null;
  findings: string | null;
  locations: string | null;
  /** The SHA-1 this result is for (null: nothing about the content was learnt). */
  sha1: string | null;
  /** Taken from the same content inspected before (nothing downloaded). */
  reused: boolean;
}

export type ContentPlan =
  | { kind: 'final'; outcome: ContentOutcome }
  | { kind: 'reuse'; outcome: ContentOutcome }
  | { kind: 'local' }
  | { kind: 'box-text' };

/** Reasons about the content itself: the same bytes give them again, so they are reused. */
const CONTENT_REASONS: ReadonlySet<InspectionReason> = new Set([
  'encrypted',
  'corrupted',
  'unsupported',
  'archive-limit',
  'too-long',
]);

/** Whether a result says something about the bytes (not about a download or a deadline). */
export function reusable(r: Pick<ContentOutcome, 'state' | 'reason'>): boolean {
  if (r.state === 'Completed' || r.state === 'Partially scanned') return true;
  return r.state === 'Failed' && r.reason !== null && CONTENT_REASONS.has(r.reason);
}

export function finalOutcome(
  state: 'Not applicable' | 'Failed',
  reason: InspectionReason | null,
  sha1: string | null,
): ContentOutcome {
  return { state, reason, method: null, findings: null, locations: null, sha1, reused: false };
}

/** Still to be read (the inspection phase, or a pending Box text). */
export function pendingOutcome(): ContentOutcome {
  return { state: 'Pending', reason: null, method: null, findings: null, locations: null, sha1: null, reused: false };
}

export function fromResult(r: InspectionResult, sha1: string | null): ContentOutcome {
  return {
    state: r.state,
    reason: r.reason,
    method: r.state === 'Completed' || r.state === 'Partially scanned' ? r.method : null,
    findings: r.findings ? JSON.stringify(r.findings) : null,
    locations: r.locations && Object.keys(r.locations).length ? JSON.stringify(masked(r.locations)) : null,
    sha1: reusable(r) ? sha1 : null,
    reused: false,
  };
}

/**
 * Masked again on the way into the store: masking a masked value changes nothing, and a value
 * an extractor forgot to mask never reaches SQLite whole (at most its last 4 letters or digits).
 */
function masked(locations: Locations): Locations {
  const out: Locations = {};
  for (const [kind, list] of Object.entries(locations) as Array<[keyof Locations, Locations[keyof Locations]]>)
    out[kind] = (list ?? []).map((l) => ({ where: String(l.where), masked: maskValue(String(l.masked)) }));
  return out;
}

export function fromContentRow(c: ContentRow): ContentOutcome {
  return {
    state: c.state,
    reason: c.reason as InspectionReason | null,
    method: c.method as InspectionMethod | null,
    findings: c.findings,
    locations: c.locations,
    sha1: c.sha1,
    reused: true,
  };
}

export function contentPlan(
  f: Pick<FileRow, 'ext' | 'size' | 'sha1'>,
  known: (sha1: string) => ContentRow | undefined,
): ContentPlan {
  if (NO_TEXT_EXTENSIONS.has(f.ext)) return { kind: 'final', outcome: finalOutcome('Not applicable', null, f.sha1) };
  const local = LOCAL_EXTENSIONS.has(f.ext);
  if (!local && !BOX_TEXT_EXTENSIONS.has(f.ext))
    return { kind: 'final', outcome: finalOutcome('Failed', 'unsupported', f.sha1) };
  if ((f.size ?? 0) > MAX_INSPECT_BYTES) return { kind: 'final', outcome: finalOutcome('Failed', 'too-large', f.sha1) };
  const seen = f.sha1 ? known(f.sha1) : undefined;
  if (seen) return { kind: 'reuse', outcome: fromContentRow(seen) };
  return { kind: local ? 'local' : 'box-text' };
}
