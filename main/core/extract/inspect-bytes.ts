/**
 * A file's bytes → its InspectionResult: the whole local inspection, limits included, as a pure
 * async function (the extractor process runs it; tests call it directly). The text never leaves
 * here: only counts, masked locations and the number of characters read.
 * Runs in the extractor process.
 */
import { INSPECTION_LIMITS, type InspectionReason, type InspectionResult } from '../../../common/scan/inspection';
import type { ExtractRequest } from './extractor';
import { InspectionFailure, TextLimitReached } from './failure';
import { formatOfExtension, holdsNoText } from './file-types';
import { readDocument, readInnerDocument } from './read-document';
import type { InspectionLimits, ReadContext } from './read-context';
import { TextSink } from './text-sink';

export function failed(reason: InspectionReason): InspectionResult {
  return { state: 'Failed', reason, method: null, findings: null, locations: null, chars: 0 };
}

export async function inspectBytes(
  req: ExtractRequest,
  limits: InspectionLimits = INSPECTION_LIMITS,
): Promise<InspectionResult> {
  if (req.bytes.length > limits.maxInputBytes) return failed('too-large');
  if (holdsNoText(req.ext))
    return { state: 'Not applicable', reason: null, method: null, findings: null, locations: null, chars: 0 };
  const format = formatOfExtension(req.ext);
  if (!format) return failed('unsupported');
  const sink = new TextSink(limits.maxChars);
  const ctx: ReadContext = {
    sink,
    limits,
    budget: { inflatedBytes: 0, entries: 0, inputBytes: req.bytes.length },
    prefix: '',
    depth: 0,
    readInner: readInnerDocument,
  };
  const read = (state: 'Completed' | 'Partially scanned'): InspectionResult => ({
    state,
    reason: state === 'Completed' ? null : 'too-long',
    method: 'local',
    findings: sink.findings,
    locations: sink.locations,
    chars: sink.chars,
  });
  try {
    await readDocument(format, req.bytes, ctx);
    return read('Completed');
  } catch (error) {
    if (error instanceof TextLimitReached) return read('Partially scanned');
    if (error instanceof InspectionFailure) return failed(error.reason);
    return failed('internal');
  }
}
