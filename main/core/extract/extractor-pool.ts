/**
 * The Extractor the scan uses: a pool of extractor processes (default one), one file at a time
 * each. A file past its deadline gets its process killed and replaced (the file: Failed
 * timeout); a process that dies mid-file is replaced (the file: Failed internal, or
 * archive-limit when it died of its memory cap) and the next file goes on. Runs in the core.
 */
import { INSPECTION_LIMITS, type InspectionResult } from '../../../common/scan/inspection';
import type { ExtractRequest, Extractor } from './extractor';
import type { ExtractorExit, ExtractorLink, ExtractorSpawner } from './extractor-link';
import { failed } from './inspect-bytes';
import { isReadyMessage, isResultMessage } from './process/messages';

export interface ExtractorPoolOptions {
  spawn: ExtractorSpawner;
  size?: number;
  deadlineMs?: number;
  memoryCapMb?: number;
  /** How long a new process may take to load its readers before it is killed (default 60 s). */
  startupMs?: number;
}

interface Job {
  req: ExtractRequest;
  resolve(result: InspectionResult): void;
  reject(error: Error): void;
}

interface Slot {
  link: ExtractorLink;
  /** The process has loaded its readers: a file's deadline runs only from then. */
  ready: boolean;
  job: { id: number; job: Job; timer: NodeJS.Timeout } | null;
  gone: boolean;
}

export class ExtractorPool implements Extractor {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;
  /** The highest resident memory any extractor process reported, in bytes. */
  peakRssBytes = 0;
  /** Processes started so far (one more after each crash or timeout). */
  spawned = 0;

  constructor(private readonly options: ExtractorPoolOptions) {}

  inspect(req: ExtractRequest): Promise<InspectionResult> {
    if (this.closed) return Promise.reject(new Error('extractor pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('extractor pool closed'));
    for (const slot of this.slots.splice(0)) {
      slot.gone = true;
      if (slot.job) {
        clearTimeout(slot.job.timer);
        slot.job.job.reject(new Error('extractor pool closed'));
      }
      slot.link.kill();
    }
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (!idle) {
        // Start another process if the pool may grow; the file waits for one that is ready.
        if (this.slots.every((s) => s.ready)) this.newSlot();
        return;
      }
      const slot = idle;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private newSlot(): Slot | null {
    if (this.slots.length >= (this.options.size ?? 1)) return null;
    const link = this.options.spawn(this.options.memoryCapMb ?? INSPECTION_LIMITS.memoryCapMb);
    this.spawned++;
    const slot: Slot = { link, ready: false, job: null, gone: false };
    link.onMessage((message) => this.answered(slot, message));
    link.onExit((exit) => this.ended(slot, exit));
    // A process that never gets ready would hold the queue forever: it is treated as dead.
    const startup = setTimeout(() => {
      if (!slot.ready && !slot.gone) this.ended(slot, { code: null, signal: null, outOfMemory: false });
    }, this.options.startupMs ?? 60_000);
    startup.unref();
    link.onMessage(() => slot.ready && clearTimeout(startup));
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    const id = this.nextId++;
    const timer = setTimeout(
      () => this.finish(slot, failed('timeout'), true),
      this.options.deadlineMs ?? INSPECTION_LIMITS.deadlineMs,
    );
    slot.job = { id, job, timer };
    const { ext, name, bytes } = job.req;
    slot.link.post({ type: 'inspect', id, ext, name, bytes });
  }

  private answered(slot: Slot, message: unknown): void {
    if (isReadyMessage(message) && !slot.ready) {
      slot.ready = true;
      return this.pump();
    }
    if (!isResultMessage(message) || slot.job?.id !== message.id) return;
    this.peakRssBytes = Math.max(this.peakRssBytes, message.peakRssBytes);
    this.finish(slot, message.result, false);
  }

  private ended(slot: Slot, _exit: ExtractorExit): void {
    if (slot.gone) return;
    // A process that dies before it is ready would die again: the next file fails instead of looping.
    if (!slot.ready) this.queue.shift()?.resolve(failed('internal'));
    // Out of memory may come from heap earlier files left: not a fact about this content, so
    // 'internal' (never reused by SHA-1), not archive-limit.
    this.finish(slot, failed('internal'), true);
  }

  /** Settles the slot's file; a process that hung or died is dropped (a new one starts on demand). */
  private finish(slot: Slot, result: InspectionResult, recycle: boolean): void {
    const current = slot.job;
    slot.job = null;
    if (current) {
      clearTimeout(current.timer);
      current.job.resolve(result);
    }
    if (recycle && !slot.gone) {
      slot.gone = true;
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.link.kill();
    }
    this.pump();
  }
}
