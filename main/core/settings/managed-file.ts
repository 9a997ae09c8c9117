/**
 * Finds and reads the organisation's managed settings file. IT puts it at the system location
 * (Intune, SCCM, Jamf or a package writes it); `BOX_COMPANION_MANAGED_FILE` points elsewhere
 * (tests). A missing file means nothing is managed; a malformed one is reported with where it
 * went wrong, and nothing is managed until it is fixed, so the app still starts.
 */
import { readFileSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import type { z } from 'zod';
import { managedFileSchema, managedValues } from '../../../common/settings-managed';
import type { ManagedFileProblem, ManagedKey } from '../../../common/settings-locks';

export const MANAGED_FILE_ENV = 'BOX_COMPANION_MANAGED_FILE';
const PRODUCT_FOLDER = 'Box Connect Companion';

/** The system-wide location for this OS, or the override from the environment. */
export function managedFilePath(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const override = env[MANAGED_FILE_ENV]?.trim();
  if (override) return override;
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', PRODUCT_FOLDER, 'managed.json');
  if (platform === 'darwin') return posix.join('/Library/Application Support', PRODUCT_FOLDER, 'managed.json');
  return join('/etc/box-connect-companion', 'managed.json');
}

export interface ManagedFileRead {
  path: string;
  values: Partial<Record<ManagedKey, unknown>>;
  problem: ManagedFileProblem | null;
}

export function readManagedFile(path: string = managedFilePath()): ManagedFileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, values: {}, problem: null };
    return unusable(path, {
      message: `${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    });
  }
  text = text.replace(/^\uFEFF/, ''); // Windows editors write a byte-order mark
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text));
    return unusable(path, { message: `${path} is not valid JSON at line ${line}, column ${column}.`, line, column });
  }
  const parsed = managedFileSchema.safeParse(json);
  if (!parsed.success) return unusable(path, schemaProblem(path, parsed.error));
  return { path, values: managedValues(parsed.data), problem: null };
}

function unusable(path: string, problem: Partial<ManagedFileProblem> & { message: string }): ManagedFileRead {
  return { path, values: {}, problem: { line: null, column: null, key: null, ...problem } };
}

/** The first issue, naming the key; never the value (the message is logged and shown). */
function schemaProblem(path: string, error: z.ZodError): ManagedFileProblem {
  const issue = error.issues[0]!;
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const key = [...issue.path, ...(unknownKey ? [unknownKey] : [])].map(String).join('.') || null;
  const what = unknownKey ? 'is not a setting this version knows' : issue.message;
  return { message: `${path}: ${key ?? 'the file'}: ${what}.`, line: null, column: null, key };
}

/**
 * Where JSON.parse gives up, found with JSON.parse itself: V8's messages do not always carry the
 * position ("Unexpected token '}', … is not valid JSON"), so this looks for the shortest prefix
 * that fails somewhere other than at its own end. A prefix that is only cut short fails at its
 * end (or as "Unexpected end"); once the bad character is in, every longer prefix fails too.
 */
export function jsonErrorOffset(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (failsBeforeEnd(text.slice(0, middle))) bad = middle;
    else good = middle;
  }
  return bad - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input/.test(message)) return false;
    const at = /at position (\d+)/.exec(message);
    return !at || Number(at[1]) < prefix.trimEnd().length;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
