/**
 * What every format reader gets besides the bytes: the sink for its text, the place prefix of
 * the container it sits in ("a.zip › b/c.docx › "), its archive depth, the per-file inflate
 * budget shared by every nested archive, and a way to read an inner document by its type.
 * Runs in the extractor process.
 */
import { INSPECTION_LIMITS } from '../../../common/scan/inspection';
import type { TextSink } from './text-sink';

/** The limits as numbers (tests and benchmarks set their own). */
export type InspectionLimits = { [K in keyof typeof INSPECTION_LIMITS]: number };

/** Counters for the whole file, across nested archives: the limits are per file. */
export interface InflateBudget {
  inflatedBytes: number;
  entries: number;
  /** The file's own size: the whole file's inflated bytes may not exceed it × maxCompressionRatio. */
  readonly inputBytes: number;
}

export interface ReadContext {
  sink: TextSink;
  limits: InspectionLimits;
  budget: InflateBudget;
  /** Prepended to every place this reader reports. */
  prefix: string;
  /** How many archives (zip, mail) this document sits in. */
  depth: number;
  /** Reads a document found inside this one (an archive entry, a mail attachment) by its name's type. */
  readInner(name: string, bytes: Uint8Array, ctx: ReadContext): Promise<void>;
}

export function segment(ctx: ReadContext, where: string, text: string): void {
  ctx.sink.add(ctx.prefix + where, text);
}

/** The context for a document inside this one: one archive level deeper, under its own place. */
export function innerContext(ctx: ReadContext, place: string): ReadContext {
  return { ...ctx, prefix: `${ctx.prefix}${place} › `, depth: ctx.depth + 1 };
}
