/** A finding's content in words: its reason as the connector labels it, how it was read, its counts. */
import type { Findings } from '../../../../common/scan/detectors';
import type { InspectionReason } from '../../../../common/scan/inspection';
import type { FileFinding } from '../../../../common/scan/types';
import { t } from '../../strings';

/** The reason's label; a reason stored as words by an older version is shown as it is. */
export const reasonText = (reason: InspectionReason | string | null): string | null => t.findings.reasonText(reason);

/** "2 cards, 1 IBAN": only the detectors that matched. */
export function findingsText(findings: Findings | null): string {
  if (!findings) return '';
  return (Object.keys(findings) as Array<keyof Findings>)
    .filter((kind) => findings[kind] > 0)
    .map((kind) => `${findings[kind]} ${(findings[kind] === 1 ? t.findings.sensitiveOne : t.findings.sensitive)[kind]}`)
    .join(', ');
}

/** The reason (Failed, Partially scanned) or else the method ("read locally", "Box text"). */
export function reasonOrMethodText(row: FileFinding): string {
  const reason = reasonText(row.inspectionReason);
  const method = row.inspectionMethod ? t.findings.method[row.inspectionMethod] : null;
  return [reason, method].filter(Boolean).join(' · ');
}
