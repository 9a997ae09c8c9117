/**
 * The wire between the core and its extractor process (structured clone: child_process IPC with
 * serialization 'advanced' in plain Node, a MessagePort in the desktop app). Only counts and
 * masked locations come back, never text. Runs in both processes.
 */
import type { InspectionResult } from '../../../../common/scan/inspection';

export interface InspectMessage {
  type: 'inspect';
  id: number;
  ext: string;
  name: string;
  bytes: Uint8Array;
}
export type ToExtractor = InspectMessage;

export interface ResultMessage {
  type: 'result';
  id: number;
  result: InspectionResult;
  /** The extractor process's peak resident memory so far, in bytes (for the memory figures). */
  peakRssBytes: number;
}
/** Sent once, when the process has loaded its readers and takes files. */
export interface ReadyMessage {
  type: 'ready';
}
export type FromExtractor = ResultMessage | ReadyMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isInspectMessage(m: unknown): m is InspectMessage {
  return (
    isRecord(m) &&
    m.type === 'inspect' &&
    typeof m.id === 'number' &&
    typeof m.ext === 'string' &&
    typeof m.name === 'string' &&
    m.bytes instanceof Uint8Array
  );
}

export function isResultMessage(m: unknown): m is ResultMessage {
  return isRecord(m) && m.type === 'result' && typeof m.id === 'number' && isRecord(m.result);
}

export function isReadyMessage(m: unknown): m is ReadyMessage {
  return isRecord(m) && m.type === 'ready';
}
