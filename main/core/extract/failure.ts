/**
 * How a format reader says it stopped: InspectionFailure carries the connector's reason (the file
 * is Failed), TextLimitReached means the character limit was hit (the file is Partially scanned).
 * Runs in the extractor process.
 */
import type { InspectionReason } from '../../../common/scan/inspection';

export class InspectionFailure extends Error {
  constructor(
    readonly reason: InspectionReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'InspectionFailure';
  }
}

export class TextLimitReached extends Error {
  constructor() {
    super('text limit reached');
    this.name = 'TextLimitReached';
  }
}

/** Our own stop signals pass through; anything a library throws becomes the given reason. */
export function asFailure(error: unknown, reason: InspectionReason): Error {
  if (error instanceof InspectionFailure || error instanceof TextLimitReached) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new InspectionFailure(reason, detail.slice(0, 200));
}
