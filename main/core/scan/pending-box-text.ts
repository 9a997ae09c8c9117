/**
 * The content path's not-before scheduling. Box may answer that a file's text is still being
 * made: the file goes back to the queue with a time before which it is not asked again
 * (growing from the poll's first delay, capped), so no slot waits on Box; after the poll's
 * tries it is Failed. Nothing wakes the slots when such a time comes, so a slot that finds
 * nothing to do while files wait looks again on its own.
 */
import type { ContentOutcome } from './phases/content-plan';
import type { BoxTextPoll, ContentReader } from './phases/content-reader';
import type { FileRow, ScanStore } from './store/scan-store';

/**
 * Puts a file whose Box text is pending back until it is due again. Returns the outcome to
 * save instead once its tries are used up (Failed: timeout, or the local reason it fell back from).
 */
export function askBoxTextLater(d: { store: ScanStore; content: ContentReader }, r: FileRow): ContentOutcome | null {
  const { content, store } = d;
  const tries = r.inspect_tries + 1;
  if (tries >= content.poll.maxTries) return content.timedOut(r);
  store.tx(() => store.inspectLater(r.id, r.gen, Date.now() + askAgainInMs(content.poll, tries)));
  return null;
}

/** How long after its `tries`-th pending answer a file is asked again: growing from the first delay, capped. */
export function askAgainInMs(poll: BoxTextPoll, tries: number): number {
  return Math.min(poll.firstDelayMs * Math.max(1, tries), poll.maxDelayMs);
}

/**
 * How long a slot with nothing to do sleeps: while inspections are left (a pending Box text
 * due later), a quarter of the first delay, then it looks again; else until woken.
 */
export function idleSleepMs(store: ScanStore, poll: BoxTextPoll): number | undefined {
  return store.inspectionsLeft() ? poll.firstDelayMs / 4 : undefined;
}
