/**
 * Reading one file's content: the plan (content-plan.ts), then one download for the local
 * extractor, or Box's text, or Box's text as the fallback when local extraction fails on a
 * type Box also reads. The same content is read once: a result is kept by SHA-1, and a file
 * whose SHA-1 is being read by another slot waits for that read instead of downloading again.
 * A pending Box text answers `pending`: the caller puts the file back with a not-before time
 * (pending-box-text.ts), so no slot waits on Box. While a file waits for the Box text its local
 * read fell back to, the copies of its content wait with it (pending, no request) and take that
 * text once it is kept.
 */
import { createHash } from 'node:crypto';
import type { InspectionReason, InspectionResult } from '../../../../common/scan/inspection';
import { BOX_TEXT_FALLBACK_EXTENSIONS, MAX_INSPECT_BYTES } from '../../../../common/scan/priority';
import type { Extractor } from '../../extract/extractor';
import type { BoxApi } from '../box-api';
import type { FileRow, ScanStore } from '../store/scan-store';
import { boxText, refusalReason, type ContentStats } from './box-text';
import { contentPlan, finalOutcome, fromResult, reusable, type ContentOutcome, type ContentPlan } from './content-plan';

/** How a pending Box text is asked again: Box's viewer polls about every 2 s. */
export interface BoxTextPoll {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Tries in all before the file is Failed (timeout). */
  maxTries: number;
}
export const BOX_TEXT_POLL: BoxTextPoll = { firstDelayMs: 2_000, maxDelayMs: 10_000, maxTries: 30 };

export const PENDING = { pending: true } as const;
export type ReadAnswer = ContentOutcome | typeof PENDING;

export function isPending(a: ReadAnswer): a is typeof PENDING {
  return 'pending' in a;
}

/** Local failures Box's text may still read past. */
const FALLBACK_REASONS: ReadonlySet<InspectionReason> = new Set(['corrupted', 'timeout', 'internal']);

/**
 * A content whose local read failed with `reason` (one Box reads past): `askedBy` is the file
 * asking Box for its text, null when none is (it timed out: the next copy asks, no download).
 */
interface BoxFallback {
  reason: InspectionReason;
  askedBy: string | null;
}

interface OwnRead {
  answer: ReadAnswer;
  chars: number;
  bytes: number;
  /**
   * The bytes read are the listed SHA-1's: false when the file changed since it was listed (its
   * result is this file's, never saved for that SHA-1's other copies).
   */
  matchesListing: boolean;
}

/**
 * The key a content result is kept and shared under: extension and SHA-1, so the same bytes
 * named .txt (unsupported: binary) never answer for a .docx.
 */
export function contentKey(f: Pick<FileRow, 'ext' | 'sha1'>): string | null {
  return f.sha1 ? `${f.ext}:${f.sha1}` : null;
}

/**
 * Where a Box-text fallback is kept: by content, so its copies wait for it; by file when Box
 * lists no SHA-1 or the bytes read were not the listed ones (no copy takes that result).
 */
function fallbackKey(f: Pick<FileRow, 'id' | 'ext' | 'sha1'>, matchesListing = true): string {
  return (matchesListing && contentKey(f)) || `file:${f.id}`;
}

export class ContentReader {
  readonly stats: ContentStats = { downloads: 0, representationCalls: 0, bytesDownloaded: 0 };
  private readonly inFlight = new Map<string, Promise<ReadAnswer>>();
  /** Contents whose local extraction failed and whose Box text is pending (by fallbackKey). */
  private readonly fallbackOf = new Map<string, BoxFallback>();

  constructor(private readonly d: { api: BoxApi; store: ScanStore; extractor: Extractor; poll?: BoxTextPoll }) {}

  get poll(): BoxTextPoll {
    return this.d.poll ?? BOX_TEXT_POLL;
  }

  /** The plan from the listing row and the results kept by SHA-1 (no request). */
  plan(f: Pick<FileRow, 'ext' | 'size' | 'sha1'>): ContentPlan {
    const key = contentKey(f);
    return contentPlan(f, () => (key ? this.d.store.content(key) : undefined));
  }

  async read(f: FileRow): Promise<ReadAnswer> {
    let plan = this.plan(f);
    if (plan.kind === 'final' || plan.kind === 'reuse') return plan.outcome;
    const sha1 = contentKey(f);
    let first: Promise<ReadAnswer> | undefined;
    // The same content is being read for another file: its result is this file's too. A
    // result not worth reusing (a download error) lets one waiter read it, the others wait again.
    while (sha1 && (first = this.inFlight.get(sha1))) {
      const answer = await first.catch(() => null);
      if (answer && isPending(answer)) return PENDING;
      plan = this.plan(f);
      if (plan.kind === 'final' || plan.kind === 'reuse') return plan.outcome;
    }
    // A copy is waiting for Box's text of these bytes (the local read failed): its result, once
    // kept, is this file's too. Downloading them again would only fail the same way.
    const asked = this.fallbackOf.get(fallbackKey(f))?.askedBy;
    if (asked && asked !== f.id) return PENDING;
    // Out of the in-flight map before the read settles: a waiter that wakes finds it gone.
    const settled = () => {
      if (sha1 && this.inFlight.get(sha1) === own) this.inFlight.delete(sha1);
    };
    const own: Promise<ReadAnswer> = this.readOwn(f, plan.kind).then(
      (r) => {
        settled();
        return this.keep(f, r);
      },
      (e: unknown) => {
        settled();
        throw e;
      },
    );
    if (sha1) this.inFlight.set(sha1, own);
    return own;
  }

  /**
   * A pending file asked too many times: Failed timeout, or the local reason it (or the copy it
   * waited for) fell back from. The next copy read then asks Box itself, with no download: also
   * when the file asking Box is never read again (gone from the queue), which a waiter's
   * timeout shows, since the file asking started first and would have timed out before it.
   */
  timedOut(f: FileRow): ContentOutcome {
    const fallback = this.fallbackFor(f)?.fallback;
    if (fallback) fallback.askedBy = null;
    return finalOutcome('Failed', fallback?.reason ?? 'timeout', null);
  }

  /** The fallback this file is in: its own (bytes not as listed) or its content's. */
  private fallbackFor(f: FileRow): { key: string; fallback: BoxFallback } | undefined {
    for (const key of [fallbackKey(f, false), fallbackKey(f)]) {
      const fallback = this.fallbackOf.get(key);
      if (fallback) return { key, fallback };
    }
    return undefined;
  }

  private keep(f: FileRow, r: OwnRead): ReadAnswer {
    if (isPending(r.answer)) return r.answer;
    const own = this.fallbackFor(f);
    if (own) this.fallbackOf.delete(own.key);
    // Only a result about the bytes names the SHA-1 it is for (a download error says nothing of them).
    const outcome = { ...r.answer, sha1: reusable(r.answer) ? f.sha1 : null };
    const key = contentKey(f);
    if (key && r.matchesListing && reusable(outcome))
      this.d.store.tx(() =>
        this.d.store.saveContent({
          sha1: key,
          state: outcome.state,
          reason: outcome.reason,
          method: outcome.method,
          findings: outcome.findings,
          locations: outcome.locations,
          chars: r.chars,
          bytes: r.bytes,
        }),
      );
    return outcome;
  }

  private async readOwn(f: FileRow, kind: 'local' | 'box-text'): Promise<OwnRead> {
    const fallback = this.fallbackFor(f);
    if (fallback) fallback.fallback.askedBy = f.id;
    if (kind === 'box-text' || fallback)
      return this.readBoxText(f, fallback?.fallback.reason ?? null, !fallback || fallback.key === fallbackKey(f));
    let bytes: Buffer;
    try {
      this.stats.downloads++;
      bytes = await this.d.api.download(f.id, f.as_user, MAX_INSPECT_BYTES);
    } catch (e) {
      // Only what Box says about the file itself ends its inspection; a lost sign-in or an
      // outage goes up to the engine, which pauses or backs off with the file still Pending.
      const reason = refusalReason(e);
      if (reason === null) throw e;
      return {
        answer: finalOutcome('Failed', reason, reason === 'too-large' ? f.sha1 : null),
        chars: 0,
        bytes: 0,
        matchesListing: true,
      };
    }
    this.stats.bytesDownloaded += bytes.length;
    const matchesListing = !f.sha1 || createHash('sha1').update(bytes).digest('hex') === f.sha1;
    const result = await this.d.extractor.inspect({ ext: f.ext, name: f.name, bytes });
    if (
      result.state === 'Failed' &&
      result.reason &&
      FALLBACK_REASONS.has(result.reason) &&
      BOX_TEXT_FALLBACK_EXTENSIONS.has(f.ext)
    )
      return this.readBoxText(f, result.reason, matchesListing);
    return { answer: fromResult(result, f.sha1), chars: result.chars, bytes: bytes.length, matchesListing };
  }

  /**
   * Box's text; `localReason`: the local failure this falls back from (kept when Box fails too),
   * `matchesListing`: whether the bytes that failed were the listed SHA-1's.
   */
  private async readBoxText(f: FileRow, localReason: InspectionReason | null, matchesListing = true): Promise<OwnRead> {
    const answer = await boxText(this.d.api, f, this.stats);
    if (answer.kind === 'pending') {
      if (localReason) this.fallbackOf.set(fallbackKey(f, matchesListing), { reason: localReason, askedBy: f.id });
      return { answer: PENDING, chars: 0, bytes: 0, matchesListing };
    }
    if (answer.kind === 'failed')
      return {
        answer: finalOutcome('Failed', localReason ?? answer.reason, localReason ? f.sha1 : null),
        chars: 0,
        bytes: 0,
        matchesListing,
      };
    const result: InspectionResult = await this.d.extractor.inspect({ ext: 'txt', name: f.name, bytes: answer.bytes });
    const read = result.state === 'Completed' || result.state === 'Partially scanned';
    return {
      answer: fromResult(read ? { ...result, method: 'box-text' } : result, f.sha1),
      chars: result.chars,
      bytes: answer.bytes.length,
      matchesListing,
    };
  }
}
