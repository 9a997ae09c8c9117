/**
 * Over real HTTP: for each generated format, the listing's size and SHA-1 are those of the bytes
 * the download serves, the truth API reports the same SHA-1 and the generator's counts and
 * outcome, and byte-identical copies are served identically under the same SHA-1.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../main/core/sandbox';
import { api, ctl, getTokens, type Truth } from '../integration/sandbox/helpers';

interface TruthEntry {
  id: string;
  folder_id: string;
  ext: string;
  has_text: boolean;
  expected_state: string;
  expected_reason: string | null;
  sensitive: Record<string, number> | null;
  sha1: string;
}

let sb: RunningSandbox;
let token: string;
let entries: TruthEntry[];

beforeAll(async () => {
  sb = await startSandbox({ seed: 14, users: 20, files: 3000 });
  token = (await getTokens(sb.info)).access_token;
  const truth = await ctl<Truth>(sb.info, '/truth');
  const page = await ctl<{ entries: TruthEntry[] }>(sb.info, '/truth/files?offset=0&limit=3000');
  entries = page.entries.filter((e) => e.folder_id === truth.bigFolder.id);
}, 60_000);
afterAll(async () => sb.close());

async function download(id: string): Promise<Buffer> {
  const hop = await api(sb.info, token, `/2.0/files/${id}/content`);
  expect(hop.status).toBe(302);
  const res = await fetch(hop.headers.get('location') ?? '');
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');

describe('sandbox documents over HTTP', () => {
  it('serves, for every format, the bytes whose size and SHA-1 the listing and the truth report', async () => {
    const byExt = new Map<string, TruthEntry>();
    for (const e of entries)
      if (e.has_text && e.expected_reason !== 'too-large' && !byExt.has(e.ext)) byExt.set(e.ext, e);
    const wanted = [
      'pdf',
      'docx',
      'docm',
      'xlsx',
      'xlsm',
      'pptx',
      'odt',
      'ods',
      'odp',
      'zip',
      'eml',
      'doc',
      'xls',
      'rtf',
      'msg',
      'boxnote',
      'gdoc',
      'txt',
      'csv',
    ];
    expect([...byExt.keys()]).toEqual(expect.arrayContaining(wanted));
    for (const [ext, e] of byExt) {
      const meta = (await api(sb.info, token, `/2.0/files/${e.id}?fields=size,sha1`)).json as {
        size: number;
        sha1: string;
      };
      const bytes = await download(e.id);
      expect(bytes.length, ext).toBe(meta.size);
      expect(sha1(bytes), ext).toBe(meta.sha1);
      expect(e.sha1, ext).toBe(meta.sha1);
      expect(bytes.length, ext).toBeLessThan(200_000);
      const one = await ctl<{
        sha1: string;
        size: number;
        has_text: boolean;
        sensitive: unknown;
        expected_inspection: { state: string; reason: string | null };
      }>(sb.info, `/truth/files/${e.id}`);
      expect(one.sha1, ext).toBe(meta.sha1);
      expect(one.size, ext).toBe(meta.size);
      expect(one.has_text, ext).toBe(true);
      expect(one.sensitive, ext).toEqual(e.sensitive);
      expect(one.expected_inspection, ext).toEqual({ state: e.expected_state, reason: e.expected_reason });
    }
  });

  it('lists media as without text and the few documents over 30 MB as Failed too-large', () => {
    const media = entries.filter((e) => ['png', 'jpg', 'mp4'].includes(e.ext));
    expect(media.length).toBeGreaterThan(0);
    for (const e of media) expect([e.has_text, e.sensitive, e.expected_state]).toEqual([false, null, 'Not applicable']);
    const large = entries.filter((e) => e.expected_reason === 'too-large');
    expect(large.length).toBeGreaterThan(0);
    for (const e of large) expect(['pptx', 'zip']).toContain(e.ext);
  });

  it('serves byte-identical copies under one SHA-1, with the same truth', async () => {
    const first = new Map<string, TruthEntry>();
    const pairs: [TruthEntry, TruthEntry][] = [];
    for (const e of entries) {
      if (!e.has_text || e.expected_reason === 'too-large') continue;
      const seen = first.get(e.sha1);
      if (seen) pairs.push([seen, e]);
      else first.set(e.sha1, e);
    }
    expect(pairs.length).toBeGreaterThan(20);
    for (const [a, b] of pairs.slice(0, 5)) {
      expect(b.ext).toBe(a.ext);
      expect(b.sensitive).toEqual(a.sensitive);
      expect((await download(b.id)).equals(await download(a.id))).toBe(true);
    }
  });
});
