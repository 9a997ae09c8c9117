/**
 * Issue 14 acceptance 3: hostile files uploaded through the SDK, then `box-companion scan` as a
 * user runs it. Each file ends with its reason within 30 s of the scan's start, the scan
 * finishes, the peak resident memory of the CLI and every process under it (the extractor)
 * stays under 1 GB, and the core's event-loop delay p99 stays under 50 ms.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileFinding } from '../../../common/scan/types';
import { connectToSandbox, type Connected } from '../../helpers/connected';
import { hostileCorpus, type HostileFile } from '../../helpers/hostile-corpus';
import { sdkAuth, sdkClient, sdkSession, signIn } from '../sandbox/helpers';

function rssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process ended between the listing and the read
  }
}

/** The resident memory of pid and every process under it, in kB. */
function treeRssKb(pid: number): number {
  let total = rssKb(pid);
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return total;
  }
  for (const task of tasks) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) total += treeRssKb(Number(child));
  }
  return total;
}

let connected: Connected;
const corpus = new Map<string, HostileFile>();
let findings: FileFinding[];
let scanStarted = 0;
let peakMb = 0;
let scanCode: number | null = null;
let eventLoopP99 = Infinity;

async function uploadCorpus(): Promise<void> {
  const info = connected.sandbox.info;
  const auth = sdkAuth(info);
  await auth.getTokensAuthorizationCodeGrant(await signIn(info), sdkSession(info));
  const client = sdkClient(info, auth);
  const folder = await client.folders.createFolder({ name: 'Hostile', parent: { id: '0' } });
  for (const [i, f] of hostileCorpus().entries()) {
    const up = await client.uploads.uploadFile({
      attributes: { name: `hostile-${i}.${f.ext}`, parent: { id: folder.id } },
      file: Readable.from([Buffer.from(f.bytes)]),
    });
    corpus.set(up.entries![0]!.id, f);
  }
}

beforeAll(async () => {
  connected = await connectToSandbox({ files: 40, users: 4, seed: 31 });
  await uploadCorpus();
  scanStarted = Date.now();
  const child = spawn(
    process.execPath,
    ['main/cli/bin.mjs', '--home', connected.home, 'scan', '--until-idle', '--no-backfill', '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, treeRssKb(child.pid!) / 1024)), 100);
  scanCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const line = out.split('\n').find((l) => l.startsWith('{"summary"'));
  eventLoopP99 = (JSON.parse(line!) as { summary: { eventLoopDelayP99Ms: number } }).summary.eventLoopDelayP99Ms;
  const exported = join(connected.home, 'hostile.json');
  await new Promise((resolve) =>
    spawn(
      process.execPath,
      ['main/cli/bin.mjs', '--home', connected.home, 'findings', '--format', 'json', '--output', exported],
      {
        stdio: 'ignore',
      },
    ).once('exit', resolve),
  );
  findings = JSON.parse(readFileSync(exported, 'utf8')) as FileFinding[];
}, 300_000);

afterAll(async () => connected?.cleanup());

describe('hostile documents in a scan', () => {
  it('ends each with its reason within 30 s of the scan starting, and the scan finishes', () => {
    expect(scanCode).toBe(0);
    expect(corpus.size).toBe(8);
    for (const [id, f] of corpus) {
      const row = findings.find((x) => x.fileId === id);
      expect({ label: f.label, state: row?.inspection, reason: row?.inspectionReason }).toEqual({
        label: f.label,
        ...f.expected,
      });
      const seconds = (Date.parse(row!.scannedAt!) - scanStarted) / 1000;
      expect(seconds, f.label).toBeLessThan(30);
    }
  });

  it('keeps the peak RSS of all the processes under 1 GB and the event-loop delay p99 under 50 ms', () => {
    console.log(`hostile corpus: peak RSS ${peakMb.toFixed(0)} MB, event-loop delay p99 ${eventLoopP99} ms`);
    expect(peakMb).toBeGreaterThan(50); // the sampler saw the processes
    expect(peakMb).toBeLessThan(1024);
    expect(eventLoopP99).toBeLessThan(50);
  });
});
