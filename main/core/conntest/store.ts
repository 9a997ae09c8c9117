/**
 * The last test result and the recent errors, kept under <home>/conntest/ as small JSON files.
 * Nothing secret goes in: results hold Box's status codes, messages and request ids only.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnTestResult } from '../../../common/conntest';

export interface RecentError {
  at: string;
  check: string;
  request: string;
  status: number | null;
  code: string | null;
  message: string | null;
  requestId: string | null;
}

const MAX_RECENT = 30;

function dir(home: string): string {
  const path = join(home, 'conntest');
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Written whole then renamed, so a crash never leaves half a file. */
function writeJson(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

export function loadLastResult(home: string): ConnTestResult | null {
  return readJson<ConnTestResult>(join(dir(home), 'last-result.json'));
}

export function loadRecentErrors(home: string): RecentError[] {
  return readJson<RecentError[]>(join(dir(home), 'recent-errors.json')) ?? [];
}

export function saveResult(home: string, result: ConnTestResult): void {
  const d = dir(home);
  writeJson(join(d, 'last-result.json'), result);
  const fresh: RecentError[] = result.checks.flatMap((check) =>
    check.evidence
      .filter((e) => e.code !== null)
      .map((e) => ({
        at: result.finishedAt,
        check: check.id,
        request: e.request,
        status: e.status,
        code: e.code,
        message: e.message,
        requestId: e.requestId,
      })),
  );
  if (fresh.length)
    writeJson(join(d, 'recent-errors.json'), [...fresh, ...loadRecentErrors(home)].slice(0, MAX_RECENT));
}
