/**
 * A test Extractor: plain text read with common/scan/detectors (the core's PlainTextExtractor),
 * counting what it was asked, and answering a fixed result for the extensions a test names
 * (a local failure to fall back from, say). It parses nothing but text; the tests of real
 * documents use the extractor process (ExtractorPool).
 */
import type { InspectionResult } from '../../common/scan/inspection';
import type { ExtractRequest, Extractor } from '../../main/core/extract/extractor';
import type { BoxApi } from '../../main/core/scan/box-api';
import { ContentReader, type BoxTextPoll } from '../../main/core/scan/phases/content-reader';
import { PlainTextExtractor } from './plain-text-extractor';
import type { ScanStore } from '../../main/core/scan/store/scan-store';

export class TextTestExtractor implements Extractor {
  readonly asked: Array<{ ext: string; name: string; bytes: number }> = [];
  private readonly text = new PlainTextExtractor();

  constructor(private readonly fixed: Record<string, InspectionResult> = {}) {}

  inspect(req: ExtractRequest): Promise<InspectionResult> {
    this.asked.push({ ext: req.ext, name: req.name, bytes: req.bytes.length });
    const answer = this.fixed[req.ext];
    if (answer) return Promise.resolve(answer);
    return this.text.inspect(req);
  }

  close(): Promise<void> {
    return this.text.close();
  }
}

export function testContentReader(
  api: BoxApi,
  store: ScanStore,
  o: { extractor?: Extractor; poll?: BoxTextPoll } = {},
): ContentReader {
  return new ContentReader({ api, store, extractor: o.extractor ?? new TextTestExtractor(), poll: o.poll });
}
