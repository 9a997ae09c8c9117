/**
 * Where the format readers put the text they read, one segment per place ("page 3",
 * "Payroll!B7"): each segment is run through the detectors at once and only counts and masked
 * locations are kept, never the text. Enforces the character limit: the segment that crosses it
 * is cut, inspected, and reading stops (TextLimitReached). Runs in the extractor process.
 */
import { detectLocated, emptyFindings, type DetectorKind, type Findings } from '../../../common/scan/detectors';
import { MAX_LOCATIONS_PER_DETECTOR, maskValue, type Locations } from '../../../common/scan/inspection';
import { TextLimitReached } from './failure';

export class TextSink {
  readonly findings: Findings = emptyFindings();
  readonly locations: Locations = {};
  chars = 0;

  constructor(private readonly maxChars: number) {}

  add(where: string, text: string): void {
    if (!text) return;
    const room = this.maxChars - this.chars;
    const cut = text.length > room;
    const inspected = cut ? text.slice(0, room) : text;
    this.chars += inspected.length;
    this.record(where, inspected);
    if (cut) throw new TextLimitReached();
  }

  private record(where: string, text: string): void {
    const found = detectLocated(text, MAX_LOCATIONS_PER_DETECTOR);
    for (const kind of Object.keys(found) as DetectorKind[]) {
      const { count, values } = found[kind];
      if (count === 0) continue;
      this.findings[kind] += count;
      const list = (this.locations[kind] ??= []);
      for (const value of values) {
        if (list.length >= MAX_LOCATIONS_PER_DETECTOR) break;
        list.push({ where, masked: maskValue(value) });
      }
    }
  }
}
