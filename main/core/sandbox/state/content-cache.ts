/**
 * A bounded LRU of file content summaries (size, SHA-1, truth) per file version: listing a
 * folder needs every file's size and SHA-1, and generating a document costs about a
 * millisecond, so a second listing of the same files must not generate them again. The bytes
 * are not kept (a million files would not fit); a download generates them again.
 */
import type { ContentSummary } from '../generator/files';

export class ContentCache {
  private readonly map = new Map<string, ContentSummary>();
  constructor(private readonly capacity = 200_000) {}

  get(k: number, version: number, make: () => ContentSummary): ContentSummary {
    const key = `${k}.${version}`;
    const hit = this.map.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const made = make();
    this.map.set(key, made);
    if (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    return made;
  }

  get size(): number {
    return this.map.size;
  }
}
