/**
 * A test Extractor in the test's own process: plain text only (decoded as UTF-8, the first
 * 1,000,000 characters inspected, the rest makes the file Partially scanned), every other type
 * Failed unsupported. Locations are `line N` (the value is not shown at all). For the scan's
 * tests of its own logic; the app uses the extractor process (main/core/extract/extractor-pool).
 */
import { detect, emptyFindings, type DetectorKind } from '../../common/scan/detectors';
import {
  INSPECTION_LIMITS,
  MAX_LOCATIONS_PER_DETECTOR,
  maskValue,
  type InspectionResult,
  type Locations,
} from '../../common/scan/inspection';
import { PLAIN_TEXT_EXTENSIONS } from '../../common/scan/priority';
import type { ExtractRequest, Extractor } from '../../main/core/extract/extractor';

/** Lines are inspected one by one, so each match knows its line (a value never spans lines here). */
export function inspectPlainText(text: string): InspectionResult {
  const partial = text.length > INSPECTION_LIMITS.maxChars;
  const body = partial ? text.slice(0, INSPECTION_LIMITS.maxChars) : text;
  const findings = emptyFindings();
  const locations: Locations = {};
  body.split('\n').forEach((line, i) => {
    const found = detect(line);
    for (const kind of Object.keys(found) as DetectorKind[]) {
      if (found[kind] === 0) continue;
      findings[kind] += found[kind];
      const list = (locations[kind] ??= []);
      // detect() counts without handing out the values: the stand-in shows none of it.
      if (list.length < MAX_LOCATIONS_PER_DETECTOR) list.push({ where: `line ${i + 1}`, masked: maskValue('••••') });
    }
  });
  return {
    state: partial ? 'Partially scanned' : 'Completed',
    reason: partial ? 'too-long' : null,
    method: 'local',
    findings,
    locations,
    chars: body.length,
  };
}

export class PlainTextExtractor implements Extractor {
  private closed = false;

  inspect(req: ExtractRequest): Promise<InspectionResult> {
    if (this.closed) return Promise.reject(new Error('extractor closed'));
    if (!PLAIN_TEXT_EXTENSIONS.has(req.ext) && req.ext !== 'eml')
      return Promise.resolve({
        state: 'Failed',
        reason: 'unsupported',
        method: null,
        findings: null,
        locations: null,
        chars: 0,
      });
    let text = Buffer.from(req.bytes).toString('utf8');
    // A message's headers are metadata (sender, recipients), not content: inspect the body.
    if (req.ext === 'eml') {
      const cut = text.search(/\r?\n\r?\n/);
      text = cut >= 0 ? text.slice(cut) : '';
    }
    return Promise.resolve(inspectPlainText(text));
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
