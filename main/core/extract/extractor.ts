/**
 * The one interface the scan uses to inspect a file's content. Parsing untrusted documents
 * never runs on the core's thread: the implementation sends the bytes to a separate process
 * (a child process in plain Node, a utilityProcess in the desktop app), which extracts the
 * text, runs the detectors and answers with counts and masked locations only. Runs in the core.
 */
import type { InspectionResult } from '../../../common/scan/inspection';

export interface ExtractRequest {
  /** The file's extension as Box names it (lower case, no dot); the content decides in the end. */
  ext: string;
  name: string;
  bytes: Uint8Array;
}

export interface Extractor {
  /** Resolves with the outcome (Failed with a reason included); rejects only when closed. */
  inspect(req: ExtractRequest): Promise<InspectionResult>;
  close(): Promise<void>;
}
