/**
 * Content inspection's vocabulary, one shape each: a file's inspection state, the connector's
 * named reasons for Failed and partial scans, the method that read the text, and where the
 * first matches of each detector sit (never the value: it is masked to its last 4 characters).
 * Shared by the extractor process, the scan, the sandbox's ground truth, the CLI and the UI.
 * Runs everywhere: no Node, no DOM.
 */
import type { DetectorKind, Findings } from './detectors';

export const INSPECTION_STATES = ['Pending', 'Completed', 'Partially scanned', 'Not applicable', 'Failed'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/** Why a file is Failed (or Partially scanned: `too-long`). Codes are stored; labels are shown. */
export const INSPECTION_REASONS = {
  'too-large': 'File size exceeded (over 30 MB)',
  'too-long': 'File is too long and was partially scanned (over 1 million characters)',
  encrypted: 'File is encrypted',
  corrupted: 'File is corrupted',
  unsupported: 'Unsupported file type',
  'archive-limit': 'Archive limit exceeded',
  timeout: 'Inspection timed out',
  'download-error': 'Download error',
  'access-denied': 'Access denied',
  deleted: 'File deleted',
  internal: 'Internal error',
} as const;
export type InspectionReason = keyof typeof INSPECTION_REASONS;

/** How a Completed (or partially scanned) file's text was read. */
export type InspectionMethod = 'local' | 'box-text';

/** A place in a document: "page 3", "sheet Payroll!B7", "slide 2", "archive/a.zip/b.docx · page 1". */
export interface MatchLocation {
  where: string;
  /** The value with all but its last 4 characters replaced: "•••• •••• •••• 4242". */
  masked: string;
}

/** Up to MAX_LOCATIONS_PER_DETECTOR locations per detector that matched. */
export type Locations = Partial<Record<DetectorKind, MatchLocation[]>>;
export const MAX_LOCATIONS_PER_DETECTOR = 5;

export const INSPECTION_LIMITS = {
  maxInputBytes: 30 * 1024 * 1024,
  maxChars: 1_000_000,
  maxArchiveDepth: 3,
  maxArchiveEntries: 10_000,
  /** Bytes actually inflated, for the whole file and for any one entry. */
  maxInflatedBytes: 200 * 1024 * 1024,
  maxEntryInflatedBytes: 50 * 1024 * 1024,
  /** An entry inflating to more than this many times its compressed size is a bomb. */
  maxCompressionRatio: 200,
  deadlineMs: 20_000,
  memoryCapMb: 512,
} as const;

/** What inspecting one file's content concluded. Counts and masked places only: no values. */
export interface InspectionResult {
  state: Exclude<InspectionState, 'Pending'>;
  reason: InspectionReason | null;
  method: InspectionMethod | null;
  findings: Findings | null;
  locations: Locations | null;
  /** Characters of text inspected (at most maxChars). */
  chars: number;
}

/** Every character but the last 4 letters or digits becomes "•"; separators are kept. */
export function maskValue(value: string): string {
  let keep = 4;
  let out = '';
  for (let i = value.length - 1; i >= 0; i--) {
    const ch = value[i] ?? '';
    const significant = /[A-Za-z0-9]/.test(ch);
    if (significant && keep > 0) {
      keep--;
      out = ch + out;
    } else out = (significant ? '•' : ch) + out;
  }
  return out;
}

export function reasonLabel(reason: InspectionReason | null): string | null {
  return reason ? INSPECTION_REASONS[reason] : null;
}
