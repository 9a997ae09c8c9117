/** The diagnostics bundle's size cap, apart from its zod schema so the UI can check a file before reading it. */
export const BUNDLE_KIND = 'box-connect-companion-diagnostics';
/** A real bundle is a few tens of kilobytes; anything over this is not one. */
export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024;

export function bundleTooBig(fileName: string): string {
  return `${fileName} cannot be opened as a diagnostics file: it is over ${MAX_BUNDLE_BYTES / 1024 / 1024} MB, and a diagnostics file is far smaller.`;
}
