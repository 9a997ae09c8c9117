/**
 * The line the progress shows under the figures: `message`, what is wrong now (cleared when it
 * passes), else `notice`, what this scan goes on without (kept: it stays true all run).
 */
export class StatusLine {
  message: string | null = null;
  notice: string | null = null;

  /** The message, or the notice when nothing is wrong now. */
  get shown(): string | null {
    return this.message ?? this.notice;
  }

  /** Clears the message if it starts with `prefix` (what it was about works again). */
  clearIf(prefix: string): void {
    if (this.message?.startsWith(prefix)) this.message = null;
  }
}
