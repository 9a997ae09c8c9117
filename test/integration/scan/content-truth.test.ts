/**
 * Issue 14 acceptance 1, 2, 4 and 6 at CI size, as a new user runs it: the CLI scans a sandbox
 * of real documents (plus hand-made ones uploaded through the SDK), then exports the findings.
 * Coverage, exactness per file, the plan's minimum content requests, identical content read
 * once, and no full sensitive value anywhere under the home. `npm run bench` runs the same
 * comparison on 100,000 files (test/bench/content-inspection.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileFinding } from '../../../common/scan/types';
import { connectToSandbox, type Connected } from '../../helpers/connected';
import {
  compare,
  fetchTruth,
  planMinimum,
  repeatedDownloads,
  sensitiveAtRest,
  type TruthFile,
} from '../../helpers/content-truth';
import { HAND_MADE_DOCUMENTS } from '../../fixtures/hand-made-documents';
import { sdkAuth, sdkClient, sdkSession, signIn } from '../sandbox/helpers';

interface Summary {
  files: { discovered: number; scanned: number; failed: number; notScanned: number };
  downloads: number;
  contentRequests: number;
  bytesDownloaded: number;
}

function cli(home: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

let connected: Connected;
let truth: TruthFile[];
let findings: FileFinding[];
let summary: Summary;
const uploaded = new Map<string, (typeof HAND_MADE_DOCUMENTS)[number]>();

async function uploadHandMade(): Promise<void> {
  const info = connected.sandbox.info;
  const auth = sdkAuth(info);
  await auth.getTokensAuthorizationCodeGrant(await signIn(info), sdkSession(info));
  const client = sdkClient(info, auth);
  const folder = await client.folders.createFolder({ name: 'Hand-made', parent: { id: '0' } });
  for (const d of HAND_MADE_DOCUMENTS) {
    const up = await client.uploads.uploadFile({
      attributes: { name: d.name, parent: { id: folder.id } },
      file: Readable.from([d.bytes]),
    });
    uploaded.set(up.entries![0]!.id, d);
  }
}

beforeAll(async () => {
  connected = await connectToSandbox({ files: 1500, users: 12, seed: 1414 });
  await uploadHandMade();
  const scan = await cli(connected.home, ['scan', '--until-idle', '--no-backfill', '--json']);
  expect(scan.code, scan.stderr).toBe(0);
  const line = scan.stdout.split('\n').find((l) => l.startsWith('{"summary"'));
  summary = (JSON.parse(line!) as { summary: Summary }).summary;
  mkdirSync(join(connected.home, 'exports'), { recursive: true });
  const out = join(connected.home, 'exports', 'findings.json');
  const exported = await cli(connected.home, ['findings', '--format', 'json', '--output', out]);
  expect(exported.code, exported.stderr).toBe(0);
  findings = JSON.parse(readFileSync(out, 'utf8')) as FileFinding[];
  truth = await fetchTruth(connected.sandbox.info.controlUrl);
}, 600_000);

afterAll(async () => connected?.cleanup());

describe('content inspection of real documents, through the CLI', () => {
  it('inspects at least 97% of the files that hold text; every other one is Failed with a named reason', () => {
    const c = compare(
      truth.filter((t) => !uploaded.has(t.id)),
      findings,
    );
    expect(c.holdingText).toBeGreaterThan(1000);
    expect(c.coverage).toBeGreaterThanOrEqual(0.97);
    expect(c.failedUnnamed.map((f) => `${f?.name}: ${f?.inspection} ${f?.inspectionReason}`)).toEqual([]);
    expect(c.wronglyUnsupported.map((f) => f.name)).toEqual([]);
  });

  it("finds exactly the ground truth's counts in every file and format: 0 missed, 0 look-alikes", () => {
    const c = compare(
      truth.filter((t) => !uploaded.has(t.id)),
      findings,
    );
    expect(c.wrong).toEqual([]);
    expect({ missed: c.missed, lookalikes: c.lookalikes }).toEqual({ missed: 0, lookalikes: 0 });
    expect([...c.byFormat.keys()]).toEqual(
      expect.arrayContaining(['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'zip', 'eml']),
    );
  });

  it('finds the hand-made documents uploaded through the SDK, with their counts and masked places', () => {
    for (const [id, d] of uploaded) {
      const f = findings.find((x) => x.fileId === id);
      expect(f, d.name).toMatchObject({ inspection: 'Completed', inspectionMethod: 'local', findings: d.findings });
      for (const [kind, places] of Object.entries(d.locations))
        expect(f!.locations?.[kind as keyof typeof d.locations], `${d.name} ${kind}`).toEqual(places);
    }
  });

  it('downloads each distinct content once and stays within 1.10x of the plan’s minimum requests and bytes', async () => {
    // The hand-made uploads are in the truth too: three more distinct contents, read locally.
    const min = planMinimum(truth);
    // What the sandbox served, by file: none twice, no content for two files (names them if so).
    const served = await repeatedDownloads(connected.sandbox.info.controlUrl);
    expect({ files: served.files, contents: served.contents }).toEqual({ files: [], contents: [] });
    expect(summary.downloads).toBe(min.downloads);
    expect(summary.contentRequests).toBeLessThanOrEqual(1.1 * min.requests);
    expect(summary.bytesDownloaded).toBeLessThanOrEqual(1.1 * min.bytes);
  });

  it('leaves no full card number, IBAN, SSN, NI number or seeded address anywhere under the home', () => {
    expect(sensitiveAtRest(connected.home)).toEqual([]);
  });

  it('(the sweep itself finds a full value where one is, and passes over SHA-1 hex and masked ones)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcc-sweep-'));
    try {
      writeFileSync(
        join(dir, 'a.log'),
        'sha1 f18cd1e5234216556253176a29be3db1 masked •••• 4242 full "4111 1111 1111 1111"',
      );
      expect(sensitiveAtRest(dir).map((h) => h.value)).toEqual(['4111 1111 1111 1111']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
