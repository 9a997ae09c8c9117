/**
 * Issue 14's figures, computed the same way by the CI tests and `npm run bench`: the sandbox's
 * ground truth against the findings export (coverage, exactness per format), the minimum
 * content requests and bytes for the scan's plan, and a sweep of the app home for any valid
 * sensitive value at rest. Runs in the tests (plain Node).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detectLocated, type DetectorKind } from '../../common/scan/detectors';
import { BOX_TEXT_EXTENSIONS, BOX_TEXT_FALLBACK_EXTENSIONS, LOCAL_EXTENSIONS } from '../../common/scan/priority';
import type { FileFinding } from '../../common/scan/types';

export interface TruthFile {
  id: string;
  ext: string;
  has_text: boolean;
  expected_state: string | null;
  expected_reason: string | null;
  sensitive: Record<DetectorKind | 'lookalike', number> | null;
  sha1: string;
  trashed: boolean;
  size: number;
}

const KINDS: DetectorKind[] = ['card', 'iban', 'ssn', 'nino', 'email'];
const MAX_INSPECT_BYTES = 30 * 1024 * 1024;
/** The reasons a file that holds text may be Failed with (the connector's names). */
export const NAMED_REASONS = new Set([
  'too-large',
  'encrypted',
  'corrupted',
  'unsupported',
  'archive-limit',
  'timeout',
  'download-error',
  'access-denied',
  'deleted',
]);
/** The formats issue 14 names: never "unsupported type" unless the content really is not what it says. */
export const NAMED_FORMATS = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'zip', 'eml']);

export async function fetchTruth(controlUrl: string): Promise<TruthFile[]> {
  const all: TruthFile[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const res = await fetch(`${controlUrl}/truth/files?offset=${offset}&limit=10000`);
    if (!res.ok) throw new Error(`truth/files: ${res.status}`);
    const page = (await res.json()) as { total_count: number; entries: TruthFile[] };
    all.push(...page.entries);
    if (offset + 10_000 >= page.total_count) break;
  }
  return all.filter((f) => !f.trashed);
}

export interface Comparison {
  holdingText: number;
  completed: number;
  coverage: number;
  failedUnnamed: FileFinding[];
  wronglyUnsupported: FileFinding[];
  missed: number;
  lookalikes: number;
  /** Per format: files compared, files whose counts differ. */
  byFormat: Map<string, { files: number; wrong: number }>;
  wrong: Array<{ id: string; ext: string; expected: unknown; found: unknown }>;
}

function counts(f: FileFinding | undefined): Record<DetectorKind, number> {
  const out = { card: 0, iban: 0, ssn: 0, nino: 0, email: 0 };
  if (f?.findings) for (const k of KINDS) out[k] = f.findings[k] ?? 0;
  return out;
}

function tally(c: Comparison, t: TruthFile, f: FileFinding | undefined): void {
  const expected = t.sensitive ?? { card: 0, iban: 0, ssn: 0, nino: 0, email: 0, lookalike: 0 };
  const found = counts(f);
  let differs = false;
  for (const k of KINDS) {
    const want = t.expected_state === 'Failed' ? 0 : expected[k];
    c.missed += Math.max(0, want - found[k]);
    c.lookalikes += Math.max(0, found[k] - want);
    if (want !== found[k]) differs = true;
  }
  const row = c.byFormat.get(t.ext) ?? { files: 0, wrong: 0 };
  row.files++;
  if (differs) {
    row.wrong++;
    if (c.wrong.length < 20) c.wrong.push({ id: t.id, ext: t.ext, expected, found });
  }
  c.byFormat.set(t.ext, row);
}

/** Coverage (issue 14 acceptance 1) and exactness (acceptance 2) over every file. */
export function compare(truth: TruthFile[], findings: FileFinding[]): Comparison {
  const byId = new Map(findings.map((f) => [f.fileId, f]));
  const c: Comparison = {
    holdingText: 0,
    completed: 0,
    coverage: 0,
    failedUnnamed: [],
    wronglyUnsupported: [],
    missed: 0,
    lookalikes: 0,
    byFormat: new Map(),
    wrong: [],
  };
  for (const t of truth) {
    const f = byId.get(t.id);
    if (t.has_text) {
      c.holdingText++;
      if (f?.inspection === 'Completed' || f?.inspection === 'Partially scanned') c.completed++;
      else if (!f || f.inspection !== 'Failed' || !NAMED_REASONS.has(f.inspectionReason ?? ''))
        c.failedUnnamed.push(f!);
      if (f?.inspectionReason === 'unsupported' && NAMED_FORMATS.has(t.ext) && t.expected_reason !== 'unsupported')
        c.wronglyUnsupported.push(f);
    }
    tally(c, t, f);
  }
  c.coverage = c.holdingText ? c.completed / c.holdingText : 1;
  return c;
}

export interface PlanMinimum {
  /** Downloads: one per distinct content read locally (and under 30 MB). */
  downloads: number;
  /** Box text: representations info, its info.url, then the text: 3 calls per distinct content. */
  representationCalls: number;
  requests: number;
  bytes: number;
}

/**
 * The fewest content requests and bytes for the scan's plan: each distinct SHA-1 read once,
 * locally (one download) or through Box's text (three calls); a local file that is corrupted
 * and of a type Box reads also costs Box's three calls (the fallback). Listings are the same
 * for every plan and are left out.
 */
export function planMinimum(truth: TruthFile[]): PlanMinimum {
  const local = new Map<string, number>();
  const boxText = new Set<string>();
  let fallbacks = 0;
  for (const t of truth) {
    if (!t.has_text) continue;
    const size = t.size;
    if (size > MAX_INSPECT_BYTES) continue;
    if (LOCAL_EXTENSIONS.has(t.ext)) {
      if (!local.has(t.sha1)) {
        local.set(t.sha1, size);
        if (t.expected_reason === 'corrupted' && BOX_TEXT_FALLBACK_EXTENSIONS.has(t.ext)) fallbacks++;
      }
    } else if (BOX_TEXT_EXTENSIONS.has(t.ext)) boxText.add(t.sha1);
  }
  const downloads = local.size;
  const representationCalls = 3 * (boxText.size + fallbacks);
  let bytes = 0;
  for (const size of local.values()) bytes += size;
  return { downloads, representationCalls, requests: downloads + representationCalls, bytes };
}

export interface DownloadedFile {
  id: string;
  ext: string | null;
  sha1: string | null;
  count: number;
}

/**
 * What the sandbox served more than once (GET /_sandbox/stats/downloads): files downloaded
 * twice or more, and contents (the scan's reuse key, extension and SHA-1) downloaded for two
 * or more files. "Identical content is downloaded once" holds when both are empty.
 */
export async function repeatedDownloads(controlUrl: string): Promise<{
  total: number;
  files: DownloadedFile[];
  contents: Array<{ key: string; files: DownloadedFile[] }>;
}> {
  const res = await fetch(`${controlUrl}/stats/downloads`);
  if (!res.ok) throw new Error(`stats/downloads: ${res.status}`);
  const stats = (await res.json()) as { total: number; entries: DownloadedFile[] };
  const byKey = new Map<string, DownloadedFile[]>();
  for (const f of stats.entries) {
    const key = `${f.ext}:${f.sha1}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  return {
    total: stats.total,
    files: stats.entries.filter((f) => f.count > 1),
    contents: [...byKey].filter(([, files]) => files.length > 1).map(([key, files]) => ({ key, files })),
  };
}

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Every valid card number, IBAN, SSN or NI number found anywhere under `home` (SQLite and its
 * WAL, exports, logs), and every e-mail address at the sandbox's seeded content domains. The
 * seeded values are valid by construction, so a full value at rest would be found here; the
 * masked ones ("•••• 4242") are not. Box ids and timestamps never pass the card check (they
 * start with 1, no card network's prefix).
 */
/**
 * Where value stands alone (not inside a longer run of letters and digits: a SHA-1's hex holds
 * digit runs that pass the card check), or -1.
 */
function standaloneAt(text: string, value: string): number {
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + value.length] ?? ' ';
    if (!/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after)) return at;
  }
  return -1;
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '.');
}

export function sensitiveAtRest(
  home: string,
): Array<{ file: string; kind: DetectorKind; value: string; around: string }> {
  const hits: Array<{ file: string; kind: DetectorKind; value: string; around: string }> = [];
  const seededMail = /@(example\.com|mail\.example\.org|customer\.example\.net)$/;
  for (const file of filesUnder(home)) {
    // latin1 keeps every ASCII byte as it is, whatever encoding or binary page surrounds it.
    const text = readFileSync(file).toString('latin1');
    const located = detectLocated(text, 1_000);
    for (const kind of KINDS)
      for (const value of located[kind].values)
        if (kind !== 'email' || seededMail.test(value)) {
          const at = standaloneAt(text, value);
          // What surrounds it says which column or line holds it (printable characters only).
          if (at >= 0)
            hits.push({
              file,
              kind,
              value,
              around: printable(text.slice(Math.max(0, at - 60), at + value.length + 20)),
            });
        }
  }
  return hits;
}
