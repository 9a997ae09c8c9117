/**
 * Real document bytes for the sandbox's files, generated from the seed on demand (nothing is
 * stored per file). STUB until issue 14's generator lands: the interface the routes use.
 * Runs in the sandbox (plain Node).
 */
import type { InspectionReason, InspectionState } from '../../../../../common/scan/inspection';
import type { SensitiveTruth } from '../content';

export interface GeneratedDocument {
  bytes: Buffer;
  /** What Box's extracted_text representation serves; null when Box cannot extract it. */
  boxText: string | null;
  /** Box's representation error when boxText is null. */
  boxTextError: 'error_password_protected' | 'error_unsupported_format' | null;
  /** Expected counts per detector in the whole content (what a correct inspection finds). */
  truth: SensitiveTruth;
  /** What a correct inspection concludes for this file. */
  expected: { state: Exclude<InspectionState, 'Pending'>; reason: InspectionReason | null };
}
