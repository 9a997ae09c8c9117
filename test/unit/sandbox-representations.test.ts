/**
 * Box's extracted_text representation in the sandbox, through the official SDK and a plain fetch
 * of its URLs: `none` until the info URL is requested, then `pending`, then `success` with the
 * text (or `error` with Box's code); a seeded few stay pending for some seconds of sandbox time.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxClient, BoxOAuth } from 'box-node-sdk';
import { readByteStream } from 'box-node-sdk/internal/utils';
import { startSandbox, type RunningSandbox } from '../../main/core/sandbox';
import { generationDelayMs } from '../../main/core/sandbox/state/representations';
import { ctl, sdkAuth, sdkClient, sdkSession, signIn, type Truth } from '../integration/sandbox/helpers';

const SEED = 21;
let sb: RunningSandbox;
let auth: BoxOAuth;
let client: BoxClient;
let truth: Truth;
let files: TruthFile[];

interface TruthFile {
  id: string;
  ext: string;
  folder_id: string;
  owner_id: string;
}

interface RepEntry {
  representation: string;
  info: { url: string };
  status: { state: string; code?: string };
  content: { url_template: string };
}

beforeAll(async () => {
  sb = await startSandbox({ seed: SEED, users: 12, files: 400 });
  truth = await ctl<Truth>(sb.info, '/truth');
  files = (await ctl<{ entries: TruthFile[] }>(sb.info, '/truth/files?limit=400')).entries;
  auth = sdkAuth(sb.info);
  await auth.getTokensAuthorizationCodeGrant(await signIn(sb.info), sdkSession(sb.info));
  client = sdkClient(sb.info, auth);
});
afterAll(async () => sb.close());

/** File index k of a generated file is its id minus the first id (ids are a base plus the index). */
const indexOf = (id: string) => Number(id) - Number(files[0]?.id);

/** A generated file in the big folder (shared with the admin), by extension and generation speed. */
async function pick(exts: string[], slow: boolean): Promise<TruthFile> {
  for (const x of files) {
    if (x.folder_id !== truth.bigFolder.id || !exts.includes(x.ext) || used.has(x.id)) continue;
    const { version } = await ctl<{ version: number }>(sb.info, `/truth/files/${x.id}`);
    if (generationDelayMs(SEED, indexOf(x.id), version) > 0 !== slow) continue;
    used.add(x.id);
    return x;
  }
  throw new Error(`no ${slow ? 'slow' : 'quick'} ${exts.join('/')} file`);
}
const used = new Set<string>();

async function token(): Promise<string> {
  return (await auth.tokenStorage.get())?.accessToken ?? '';
}

/** The extracted_text entry as the SDK returns it (status.code is only in the raw answer). */
async function entry(c: BoxClient, id: string, hints = '[extracted_text]'): Promise<RepEntry | undefined> {
  const file = await c.files.getFileById(id, {
    queryParams: { fields: ['representations'] },
    headers: { xRepHints: hints },
  });
  const raw = file.rawData as { representations?: { entries?: RepEntry[] } } | undefined;
  const fromSdk = file.representations?.entries?.find((e) => e.representation === 'extracted_text');
  const fromRaw = raw?.representations?.entries?.find((e) => e.representation === 'extracted_text');
  expect(fromSdk?.status?.state).toBe(fromRaw?.status.state);
  return fromRaw;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers: { authorization: `Bearer ${await token()}`, ...headers } });
}

const contentUrl = (e: RepEntry) => e.content.url_template.replace('{+asset_path}', '');

async function download(id: string): Promise<string> {
  const stream = await client.downloads.downloadFile(id);
  return (await readByteStream(stream as Parameters<typeof readByteStream>[0])).toString('utf8');
}

/** Requests info.url until the state is no longer pending (bounded; the quick files take one look). */
async function settle(id: string): Promise<RepEntry> {
  for (let i = 0; i < 5; i++) {
    const e = await entry(client, id);
    if (e && e.status.state !== 'pending') return e;
  }
  throw new Error('still pending');
}

describe('extracted_text representation', () => {
  it('goes none → pending (info URL requested) → success, and serves the text as text/plain', async () => {
    const f = await pick(['txt', 'csv', 'md'], false);
    const first = await entry(client, f.id);
    expect(first?.status.state).toBe('none');
    expect(first?.content.url_template).toContain('{+asset_path}');
    const info = await get(first!.info.url);
    expect(info.status).toBe(200);
    expect(((await info.json()) as RepEntry).status.state).toBe('pending');
    const ready = await entry(client, f.id);
    expect(ready?.status.state).toBe('success');
    const text = await get(contentUrl(ready!));
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe(await download(f.id));
  });

  it('keeps a seeded few pending for seconds of sandbox time', async () => {
    const f = await pick(['txt', 'csv', 'md', 'json', 'log'], true);
    const e = await entry(client, f.id);
    await get(e!.info.url);
    expect((await entry(client, f.id))?.status.state).toBe('pending');
    expect((await get(contentUrl(e!))).status).toBe(202);
    await ctl(sb.info, '/clock', { advance_seconds: 10 });
    expect((await entry(client, f.id))?.status.state).toBe('success');
    expect((await get(contentUrl(e!))).status).toBe(200);
  });

  it('lists no extracted_text without the hint, and finds it among several hints', async () => {
    const f = await pick(['txt', 'csv'], false);
    const file = await client.files.getFileById(f.id, { queryParams: { fields: ['representations'] } });
    expect(file.representations?.entries?.some((e) => e.representation === 'extracted_text')).toBe(false);
    expect((await entry(client, f.id, '[pdf][extracted_text]'))?.representation).toBe('extracted_text');
  });

  it('answers error_unsupported_format for a generated file Box cannot read yet', async () => {
    const f = await pick(['png', 'jpg', 'mp4', 'zip'], false);
    const e = await entry(client, f.id);
    await get(e!.info.url);
    expect((await settle(f.id)).status).toEqual({ state: 'error', code: 'error_unsupported_format' });
    expect((await get(contentUrl(e!))).status).toBe(404);
  });

  it('serves the uploaded text, and error_password_protected for an encrypted PDF upload', async () => {
    const folder = await client.folders.createFolder({ name: 'Rep uploads', parent: { id: '0' } });
    const put = async (name: string, bytes: Buffer) =>
      (
        await client.uploads.uploadFile({
          attributes: { name, parent: { id: folder.id } },
          file: Readable.from([bytes]),
        })
      ).entries![0]!.id;
    const text = 'Uploaded text\nIBAN: DE89 3704 0044 0532 0130 00\n';
    const txt = await put('mine.txt', Buffer.from(text));
    const pdf = await put(
      'locked.pdf',
      Buffer.from('%PDF-1.4\n1 0 obj <</Filter /Standard /V 2 /R 3>> endobj\ntrailer <</Encrypt 1 0 R>>\n%%EOF\n'),
    );
    for (const id of [txt, pdf]) await get((await entry(client, id))!.info.url);
    const ready = await settle(txt);
    expect(await (await get(contentUrl(ready))).text()).toBe(text);
    expect((await settle(pdf)).status).toEqual({ state: 'error', code: 'error_password_protected' });
  });

  it('needs a token, respects As-User, and counts against the rate limit', async () => {
    const f = await pick(['txt', 'csv'], false);
    const e = (await entry(client, f.id))!;
    expect((await fetch(e.info.url)).status).toBe(401);
    expect((await fetch(contentUrl(e))).status).toBe(401);

    // A file uploaded by a user into their own folder: not the admin's, unless acting as them.
    const user = truth.users.find((u) => u.role === 'user' && !u.external)!;
    const asUser = client.withAsUserHeader(user.id);
    const own = await asUser.folders.createFolder({ name: 'Private', parent: { id: '0' } });
    const up = await asUser.uploads.uploadFile({
      attributes: { name: 'p.txt', parent: { id: own.id } },
      file: Readable.from([Buffer.from('private\n')]),
    });
    const theirs = (await entry(asUser, up.entries![0]!.id))!;
    expect((await get(theirs.info.url)).status).toBe(404);
    expect((await get(theirs.info.url, { 'as-user': user.id })).status).toBe(200);

    await ctl(sb.info, '/limits', { rate_limit_per_second: 1 });
    try {
      const statuses = [(await get(e.info.url)).status, (await get(e.info.url)).status];
      expect(statuses).toContain(429);
    } finally {
      await ctl(sb.info, '/limits', { rate_limit_per_second: 0 });
    }
  });
});
