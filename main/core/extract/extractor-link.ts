/**
 * What the pool needs of one extractor process, however it was started (child_process.fork in
 * plain Node, an Electron utilityProcess in the desktop app): send, receive, learn that it
 * ended (and whether it ran out of memory, when the platform can tell), end it.
 * Runs in the core.
 */
import type { FromExtractor, ToExtractor } from './process/messages';

export interface ExtractorExit {
  code: number | null;
  signal: string | null;
  /** True when the process died of its memory cap (V8's "heap out of memory"). */
  outOfMemory: boolean;
}

export interface ExtractorLink {
  post(message: ToExtractor): void;
  onMessage(listener: (message: FromExtractor | unknown) => void): void;
  onExit(listener: (exit: ExtractorExit) => void): void;
  kill(): void;
}

/** Starts one extractor process with the given memory cap (V8's old-space limit, in MB). */
export type ExtractorSpawner = (memoryCapMb: number) => ExtractorLink;
