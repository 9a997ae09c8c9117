/**
 * The one scrubber of messages that reach the store, the log, exports and the screen: no URL (a
 * download's 302 Location is a signed URL that grants the file to whoever holds it), no bearer
 * token, one line, bounded. Here, below the engine, so the store applies the same rule to every
 * reason it keeps and the engine (failures.ts) re-exports it. Plain Node, no imports.
 */
export function sanitiseMessage(message: string): string {
  return message
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>)]+/gi, '<url>')
    .replace(/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer <token>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

export function errorMessage(e: unknown): string {
  return sanitiseMessage(e instanceof Error ? e.message : String(e));
}
