/**
 * Box's upload API and POST /folders in the sandbox, driven by the official SDK over real HTTP:
 * what a user uploads is what listings, metadata, downloads, the ground truth and the admin
 * event streams then show.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxClient } from 'box-node-sdk';
import { readByteStream } from 'box-node-sdk/internal/utils';
import { startSandbox, type RunningSandbox } from '../../main/core/sandbox';
import { ctl, sdkAuth, sdkClient, sdkSession, signIn, type Truth } from '../integration/sandbox/helpers';

let sb: RunningSandbox;
let client: BoxClient;
let truth: Truth;

beforeAll(async () => {
  sb = await startSandbox({ seed: 14, users: 12, files: 400 });
  truth = await ctl<Truth>(sb.info, '/truth');
  const auth = sdkAuth(sb.info);
  await auth.getTokensAuthorizationCodeGrant(await signIn(sb.info), sdkSession(sb.info));
  client = sdkClient(sb.info, auth);
});
afterAll(async () => sb.close());

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');

async function upload(c: BoxClient, parentId: string, name: string, bytes: Buffer) {
  const files = await c.uploads.uploadFile({
    attributes: { name, parent: { id: parentId } },
    file: Readable.from([bytes]),
  });
  const file = files.entries?.[0];
  if (!file) throw new Error('upload answered no file');
  return { files, file };
}

async function download(c: BoxClient, id: string): Promise<Buffer> {
  const stream = await c.downloads.downloadFile(id);
  return readByteStream(stream as Parameters<typeof readByteStream>[0]);
}

/** Box errors as the SDK reports them: status and code. */
async function boxFailure(p: Promise<unknown>): Promise<{ status?: number; code?: string }> {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { responseInfo?: { statusCode?: number; code?: string; body?: unknown } } | null;
  if (!e) throw new Error('the request succeeded');
  const body = e.responseInfo?.body as { code?: string } | undefined;
  return { status: e.responseInfo?.statusCode, code: body?.code };
}

interface RawEvent {
  event_type?: string;
  source?: { item_id?: string; parent?: { id?: string } };
}

/** The events on one item in a stream (admin_logs from a year back, or the live stream from 0). */
async function eventsFor(
  c: BoxClient,
  itemId: string,
  streamType: 'admin_logs' | 'admin_logs_streaming' = 'admin_logs',
): Promise<Array<{ type?: string; parent?: string }>> {
  const out: Array<{ type?: string; parent?: string }> = [];
  let position: string | undefined;
  for (let i = 0; i < 500; i++) {
    const page = await c.events.getEvents({ streamType, limit: 500, streamPosition: position });
    // The SDK keeps the source's item fields only in the raw answer.
    const entries = (page.rawData as { entries?: RawEvent[] } | undefined)?.entries ?? [];
    for (const e of entries) {
      if (e.source?.item_id === itemId) out.push({ type: e.event_type, parent: e.source.parent?.id });
    }
    if ((page.chunkSize ?? 0) === 0) break;
    position = String(page.nextStreamPosition);
  }
  return out;
}

describe('sandbox uploads through the official SDK', () => {
  it('creates a folder, uploads a file into it, and serves it everywhere with the uploaded bytes', async () => {
    const folder = await client.folders.createFolder({ name: 'Uploaded docs', parent: { id: '0' } });
    expect(folder.name).toBe('Uploaded docs');
    expect(folder.parent?.id).toBe('0');
    expect(folder.ownedBy?.id).toBe(sb.info.signInUserId);
    const root = await client.folders.getFolderItems('0', { queryParams: { limit: 1000 } });
    expect(root.entries?.some((e) => e.id === folder.id && e.name === 'Uploaded docs')).toBe(true);

    const bytes = Buffer.from('Invoice for Jane Doe\nCard number: 4111 1111 1111 1111\n', 'utf8');
    const { files, file } = await upload(client, folder.id, 'invoice.txt', bytes);
    expect(files.totalCount).toBe(1);
    expect(file.name).toBe('invoice.txt');
    expect(file.size).toBe(bytes.length);
    expect(file.sha1).toBe(sha1(bytes));
    expect(file.parent?.id).toBe(folder.id);

    const items = await client.folders.getFolderItems(folder.id, { queryParams: { fields: ['name', 'size', 'sha1'] } });
    expect(items.totalCount).toBe(1);
    expect(items.entries?.[0]).toMatchObject({ id: file.id, name: 'invoice.txt', sha1: sha1(bytes) });

    const meta = await client.files.getFileById(file.id);
    expect(meta).toMatchObject({ size: bytes.length, sha1: sha1(bytes), etag: '0' });
    expect(meta.pathCollection?.entries?.map((e) => e.id)).toEqual(['0', folder.id]);
    expect(await download(client, file.id)).toEqual(bytes);

    const t = await ctl<{ sensitive: unknown; has_text: boolean; sha1: string; folder_id: string }>(
      sb.info,
      `/truth/files/${file.id}`,
    );
    expect(t).toMatchObject({ sensitive: null, has_text: true, sha1: sha1(bytes), folder_id: folder.id });
    expect(await eventsFor(client, file.id)).toEqual([{ type: 'UPLOAD', parent: folder.id }]);
    // The live stream a running scan follows carries it too (it may repeat events: Box's does).
    expect(new Set((await eventsFor(client, file.id, 'admin_logs_streaming')).map((e) => e.type))).toEqual(
      new Set(['UPLOAD']),
    );
  });

  it('uploads a new version: new bytes, SHA-1 and etag, and an UPLOAD event', async () => {
    const folder = await client.folders.createFolder({ name: 'Versions', parent: { id: '0' } });
    const v1 = Buffer.from('first draft\n');
    const { file } = await upload(client, folder.id, 'draft.md', v1);
    const v2 = Buffer.from('second draft, longer than the first\n');
    const next = await client.uploads.uploadFileVersion(file.id, {
      attributes: { name: 'draft.md' },
      file: Readable.from([v2]),
    });
    expect(next.entries?.[0]).toMatchObject({ id: file.id, size: v2.length, sha1: sha1(v2), etag: '1' });
    expect(await download(client, file.id)).toEqual(v2);
    expect((await client.files.getFileById(file.id)).fileVersion?.sha1).toBe(sha1(v2));
    expect((await eventsFor(client, file.id)).map((e) => e.type)).toEqual(['UPLOAD', 'UPLOAD']);

    // A stale If-Match is refused (412), the version stays.
    const stale = await boxFailure(
      client.uploads.uploadFileVersion(
        file.id,
        { attributes: { name: 'draft.md' }, file: Readable.from([Buffer.from('x')]) },
        { headers: { ifMatch: '0' } },
      ),
    );
    expect(stale).toMatchObject({ status: 412, code: 'precondition_failed' });
    expect((await client.files.getFileById(file.id)).etag).toBe('1');
  });

  it('gives a generated file a new version whose bytes downloads serve and whose truth is unknown', async () => {
    const big = await client.folders.getFolderItems(truth.bigFolder.id, { queryParams: { limit: 5 } });
    const target = big.entries?.find((e) => e.type === 'file');
    if (!target) throw new Error('no file in the big folder');
    const bytes = Buffer.from('replaced by hand\n');
    await client.uploads.uploadFileVersion(target.id, {
      attributes: { name: target.name ?? '' },
      file: Readable.from([bytes]),
    });
    expect(await download(client, target.id)).toEqual(bytes);
    const t = await ctl<{ sensitive: unknown; sha1: string }>(sb.info, `/truth/files/${target.id}`);
    expect(t).toMatchObject({ sensitive: null, sha1: sha1(bytes) });
  });

  it('answers 409 item_name_in_use for a clashing file or folder name, whatever the case', async () => {
    const folder = await client.folders.createFolder({ name: 'Clashes', parent: { id: '0' } });
    await upload(client, folder.id, 'Report.pdf', Buffer.from('%PDF-1.4\n'));
    const file = await boxFailure(upload(client, folder.id, 'report.PDF', Buffer.from('%PDF-1.4\n')));
    expect(file).toMatchObject({ status: 409, code: 'item_name_in_use' });
    const sub = await boxFailure(client.folders.createFolder({ name: 'REPORT.pdf', parent: { id: folder.id } }));
    expect(sub).toMatchObject({ status: 409, code: 'item_name_in_use' });
    const again = await boxFailure(client.folders.createFolder({ name: 'clashes', parent: { id: '0' } }));
    expect(again).toMatchObject({ status: 409, code: 'item_name_in_use' });

    // A generated file's name in a generated folder clashes too.
    const big = await client.folders.getFolderItems(truth.bigFolder.id, { queryParams: { limit: 3 } });
    const existing = big.entries?.find((e) => e.type === 'file');
    const generated = await boxFailure(upload(client, truth.bigFolder.id, existing?.name ?? '', Buffer.from('x')));
    expect(generated).toMatchObject({ status: 409, code: 'item_name_in_use' });
    expect((await client.folders.getFolderItems(folder.id)).totalCount).toBe(1);
  });

  it('refuses names Box refuses and parents the user cannot see', async () => {
    const bad = await boxFailure(client.folders.createFolder({ name: 'a/b', parent: { id: '0' } }));
    expect(bad).toMatchObject({ status: 400, code: 'item_name_invalid' });
    const missing = await boxFailure(upload(client, '999999999999', 'x.txt', Buffer.from('x')));
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('uploads as another user (As-User) into their folder, owned by them', async () => {
    const user = truth.users.find((u) => u.role === 'user' && !u.external);
    if (!user) throw new Error('no managed user');
    const asUser = client.withAsUserHeader(user.id);
    const folder = await asUser.folders.createFolder({ name: 'Mine', parent: { id: '0' } });
    expect(folder.ownedBy?.id).toBe(user.id);
    const { file } = await upload(asUser, folder.id, 'notes.txt', Buffer.from('hello\n'));
    expect(file.ownedBy?.id).toBe(user.id);
    // The admin's own root does not hold the user's folder, and the admin cannot read the file as themselves.
    const adminRoot = await client.folders.getFolderItems('0', { queryParams: { limit: 1000 } });
    expect(adminRoot.entries?.some((e) => e.id === folder.id)).toBe(false);
    expect(await boxFailure(client.files.getFileById(file.id))).toMatchObject({ status: 404 });
    expect(await download(asUser, file.id)).toEqual(Buffer.from('hello\n'));
  });

  it('needs a read-write scope to upload', async () => {
    await ctl(sb.info, '/app', { scopes: ['root_readonly', 'root_readwrite', 'manage_enterprise_properties'] });
    const auth = sdkAuth(sb.info);
    await auth.getTokensAuthorizationCodeGrant(await signIn(sb.info, { scope: 'root_readonly' }), sdkSession(sb.info));
    const readOnly = sdkClient(sb.info, auth);
    expect(await boxFailure(upload(readOnly, '0', 'nope.txt', Buffer.from('x')))).toMatchObject({ status: 403 });
    expect(await boxFailure(readOnly.folders.createFolder({ name: 'nope', parent: { id: '0' } }))).toMatchObject({
      status: 403,
    });
  });

  it('answers metadata_after_file_contents when the file part comes first', async () => {
    const token = (
      await ctl<{ entries: Array<{ token: string; kind: string; state: string }> }>(sb.info, '/tokens')
    ).entries.find((t) => t.kind === 'access' && t.state === 'active')?.token;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('x')]), 'x.txt');
    form.append('attributes', JSON.stringify({ name: 'x.txt', parent: { id: '0' } }));
    const res = await fetch(`${sb.info.uploadUrl}/2.0/files/content`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('metadata_after_file_contents');
  });
});
