/**
 * Checks 8 and 9: a sample user's files can be listed and one small file read; and the API's
 * headroom, from the latency and rate-limit answers every request of this run saw.
 */
import type { CheckResult, Evidence } from '../../../common/conntest';
import { evidenceOf, type ProbeResponse } from './probe';
import { entriesOf, fromFailedRequest, notRun, result, str, type RunState } from './check-result';

const MAX_LISTINGS = 4;
const DOWNLOAD_BYTES = 64 * 1024;

interface FoundFile {
  id: string;
  name: string;
  size: number;
}

export async function checkFiles(run: RunState): Promise<CheckResult> {
  const me = run.me;
  if (!me) return notRun('files', 'the sign-in did not work (check 1)');
  // A regular user, as the connector reads: As-User when the list allows it, else the account itself.
  const sample = run.users?.find((u) => u.role === 'user' && u.id !== me.id);
  let asUser = sample?.id;
  let who = sample ? `${sample.login}` : `${me.login} (this account)`;
  const evidence: Evidence[] = [];
  let root = await run.prober.get('/folders/0/items?limit=100&fields=id,type,name,size', { asUser });
  if (!root.ok && asUser && root.status === 403) {
    evidence.push(evidenceOf(root));
    asUser = undefined;
    who = `${me.login} (this account; As-User was refused)`;
    root = await run.prober.get('/folders/0/items?limit=100&fields=id,type,name,size');
  }
  evidence.push(evidenceOf(root));
  if (!root.ok) return fromFailedRequest(run, 'files', root, `${who}'s files`, evidence);

  const rootCount = entriesOf(root.body).length;
  const found = await findSmallFile(run, root, asUser, evidence);
  if (found.failed) return fromFailedRequest(run, 'files', found.failed, `${who}'s folders`, evidence);
  const file = found.file;
  if (!file)
    return result(
      'files',
      'warning',
      `Listed ${rootCount} items in ${who}'s root folder, but found no file in its first folders to read.`,
      evidence,
      'Nothing to do if that user really has no files; run the test again later to read one.',
    );

  // Box's own answer (302 to the download URL, or 202), then the download host's: two pieces of evidence.
  const content = await run.prober.get(`/files/${file.id}/content`, {
    asUser,
    label: `“${file.name}”`,
    followRedirects: false,
  });
  evidence.push(evidenceOf(content));
  const location = content.headers?.get('location');
  if (content.status === 202)
    return result(
      'files',
      'warning',
      `Box is still preparing “${file.name}” for download (HTTP 202).`,
      evidence,
      'Run the test again in a minute.',
      ['retry'],
    );
  if (!content.ok || !location)
    return fromFailedRequest(run, 'files', content, `the content of “${file.name}”`, evidence);
  const body = await run.prober.download(location, DOWNLOAD_BYTES);
  evidence.push(evidenceOf(body));
  if (!body.ok) return fromFailedRequest(run, 'files', body, `the download of “${file.name}”`, evidence);
  return result(
    'files',
    'pass',
    `Listed ${rootCount} items in ${who}'s root folder and read “${file.name}” (${body.bytes} bytes).`,
    evidence,
  );
}

/** Breadth-first through a few folders for the smallest file seen; `failed` when a listing was refused or timed out. */
async function findSmallFile(
  run: RunState,
  root: ProbeResponse,
  asUser: string | undefined,
  evidence: Evidence[],
): Promise<{ file: FoundFile | null; failed: ProbeResponse | null }> {
  const queue: string[] = [];
  let best: FoundFile | null = null;
  let listing: ProbeResponse = root;
  for (let n = 0; n < MAX_LISTINGS; n++) {
    for (const e of entriesOf(listing.body)) {
      const id = str(e.id);
      if (!id) continue;
      if (e.type === 'folder') queue.push(id);
      else if (e.type === 'file') {
        const size = typeof e.size === 'number' ? e.size : Number.MAX_SAFE_INTEGER;
        if (!best || size < best.size) best = { id, name: str(e.name) ?? id, size };
      }
    }
    if (best) return { file: best, failed: null };
    const next = queue.shift();
    if (!next) break;
    // The prober answers "timeout" once the run's budget is spent, so this loop cannot stretch the test.
    listing = await run.prober.get(`/folders/${next}/items?limit=100&fields=id,type,name,size`, { asUser });
    evidence.push(evidenceOf(listing));
    if (!listing.ok) return { file: null, failed: listing };
  }
  return { file: best, failed: null };
}

/** A headroom finding the user can act on by running the check again later. */
function retryHeadroom(status: 'fail' | 'warning', summary: string, evidence: Evidence[], fix: string): CheckResult {
  return result('headroom', status, summary, evidence, fix, ['retry']);
}

const SLOW_MEDIAN_MS = 1000;
const SLOW_MAX_MS = 2500;

export function checkHeadroom(run: RunState): CheckResult {
  const answered = run.prober.log.filter((r) => r.problem !== 'signed_out');
  if (answered.length === 0) return notRun('headroom', 'no request reached Box');
  const timed = answered.filter((r) => r.problem !== 'out_of_time');
  const ms = (timed.length ? timed : answered).map((r) => r.ms).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)] ?? 0;
  const slowest = ms[ms.length - 1] ?? 0;
  const limited = answered.filter((r) => r.status === 429);
  const errors = answered.filter(
    (r) => (r.status !== null && r.status >= 500) || r.problem === 'network' || r.problem === 'malformed',
  );
  const timeouts = answered.filter((r) => r.problem === 'timeout' || r.problem === 'out_of_time');
  const retryAfter = limited.map((r) => r.headers?.get('retry-after')).find(Boolean);
  const figures = `${answered.length} request${answered.length === 1 ? '' : 's'}, median ${median} ms, slowest ${slowest} ms; ${limited.length} rate-limit answer${limited.length === 1 ? '' : 's'} (HTTP 429${retryAfter ? `, retry-after ${retryAfter} s` : ''}); ${errors.length} server error${errors.length === 1 ? '' : 's'}; ${timeouts.length} timeout${timeouts.length === 1 ? '' : 's'}.`;
  const worst = [...timeouts, ...errors, ...limited].slice(0, 3).map(evidenceOf);
  if (timeouts.length > 0)
    return retryHeadroom(
      'fail',
      `Box did not answer in time. ${figures}`,
      worst,
      'Retry later; if Box stays slow, check status.box.com and your network or proxy.',
    );
  if (errors.length * 2 >= answered.length)
    return retryHeadroom(
      'fail',
      `Most requests failed with server errors. ${figures}`,
      worst,
      'Check Box’s status (status.box.com) and retry later.',
    );
  if (limited.length > 0)
    return retryHeadroom(
      'warning',
      `Box is rate-limiting this account. ${figures}`,
      worst,
      'Box allows about 1,000 requests per minute per user: stop other tools using this account while scanning, or expect a slower scan.',
    );
  if (errors.length > 0)
    return retryHeadroom(
      'warning',
      `Some requests failed and worked on retry. ${figures}`,
      worst,
      'Nothing to do now; if it persists, check status.box.com.',
    );
  if (median > SLOW_MEDIAN_MS || slowest > SLOW_MAX_MS)
    return retryHeadroom(
      'warning',
      `Box answers slowly. ${figures}`,
      [],
      'Expect a slower scan; check the network or proxy if this persists.',
    );
  return result('headroom', 'pass', figures, []);
}
