/**
 * Acceptance 1: the official box-node-sdk, pointed at the sandbox with custom base URLs and
 * nothing else changed, runs the product's whole path.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoxOAuth, OAuthConfig } from 'box-node-sdk';
import { InMemoryTokenStorage } from 'box-node-sdk/box';
import { readByteStream, dateTimeFromString } from 'box-node-sdk/internal/utils';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { ctl, sdkAuth, sdkClient, sdkSession, signIn, type Truth } from './helpers';

let sb: RunningSandbox;
let truth: Truth;

beforeAll(async () => {
  sb = await startSandbox({ seed: 7, users: 40, files: 3000 });
  truth = await ctl<Truth>(sb.info, '/truth');
});
afterAll(async () => sb.close());

describe('official SDK against the sandbox', () => {
  it('runs code exchange, refresh, users, paging, files, download, collaborations, events and revoke', async () => {
    const info = sb.info;
    const ns = sdkSession(info);
    const auth = sdkAuth(info);

    // Code exchange.
    const code = await signIn(info);
    const first = await auth.getTokensAuthorizationCodeGrant(code, ns);
    expect(first.accessToken).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(first.expiresIn).toBe(3600);

    // Refresh: a new pair; once that pair is in use, the used refresh token fails with
    // invalid_grant (before that, Box replays the same answer: see sandbox/state/tokens.ts).
    const refreshed = await auth.refreshToken(ns);
    expect(refreshed.refreshToken).not.toBe(first.refreshToken);
    await sdkClient(info, auth).users.getUserMe();
    const stale = new BoxOAuth({
      config: new OAuthConfig({
        clientId: info.clientId,
        clientSecret: info.clientSecret,
        tokenStorage: new InMemoryTokenStorage({ token: first }),
      }),
    });
    const err = await stale.refreshToken(ns).then(
      () => null,
      (e: unknown) => e as { responseInfo?: { body?: { error?: string } } },
    );
    expect(err?.responseInfo?.body?.error).toBe('invalid_grant');

    const client = sdkClient(info, auth);

    // /users/me with role and enterprise (asked for via fields).
    const me = await client.users.getUserMe({ fields: ['role', 'enterprise', 'name', 'login'] });
    expect(me.role).toBe('admin');
    expect(me.enterprise?.id).toBe(info.enterpriseId);

    // Enterprise users (managed, by default "all" without a filter term).
    const users = await client.users.getUsers({ limit: 1000 });
    expect(users.totalCount).toBe(truth.users.filter((u) => !u.external).length);

    // Every item of the 2,500-item folder by marker paging.
    const root = await client.folders.getFolderItems('0');
    const big = root.entries?.find((e) => e.type === 'folder' && e.name === truth.bigFolder.name);
    expect(big?.id).toBe(truth.bigFolder.id);
    const ids = new Set<string>();
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await client.folders.getFolderItems(truth.bigFolder.id, {
        queryParams: { usemarker: true, limit: 1000, marker, fields: ['name', 'shared_link', 'has_collaborations'] },
      });
      pages++;
      for (const e of page.entries ?? []) ids.add(e.id);
      marker = page.nextMarker ?? undefined;
    } while (marker);
    expect(ids.size).toBe(2500);
    expect(pages).toBe(3);

    // A file with shared-link fields (chosen from the ground truth).
    const filesTruth = await ctl<{
      entries: Array<{ id: string; folder_id: string; ext: string; shared: string | null; collaborations: number }>;
    }>(info, '/truth/files?limit=10000');
    const inBig = filesTruth.entries.filter((f) => f.folder_id === truth.bigFolder.id);
    const shared = inBig.find((f) => f.shared === 'open');
    expect(shared).toBeDefined();
    const file = await client.files.getFileById(shared!.id, {
      queryParams: { fields: ['name', 'shared_link', 'owned_by', 'size', 'sha1', 'etag', 'sequence_id'] },
    });
    expect(file.sharedLink?.access).toBe('open');
    expect(['open', 'company']).toContain(file.sharedLink?.effectiveAccess);
    expect(file.ownedBy?.id).toBe(truth.bigFolder.owner_id);

    // Content download (302 hop followed by the SDK); bytes match the reported SHA-1.
    const textFile = inBig.find((f) => f.ext === 'csv' || f.ext === 'txt');
    const meta = await client.files.getFileById(textFile!.id, { queryParams: { fields: ['sha1', 'size'] } });
    const stream = await client.downloads.downloadFile(textFile!.id);
    const bytes = await readByteStream(stream as Parameters<typeof readByteStream>[0]);
    expect(bytes.length).toBe(meta.size);
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(meta.sha1);
    // The control API counts what was served: a second download of the file shows as ×2.
    await readByteStream((await client.downloads.downloadFile(textFile!.id)) as Parameters<typeof readByteStream>[0]);
    const served = await ctl<{ entries: Array<{ id: string; ext: string; sha1: string; count: number }> }>(
      info,
      '/stats/downloads',
    );
    expect(served.entries).toContainEqual({ id: textFile!.id, ext: textFile!.ext, sha1: meta.sha1, count: 2 });

    // Collaborations: the big folder is shared with the admin; a file has a direct collaborator.
    const folderCollabs = await client.listCollaborations.getFolderCollaborations(truth.bigFolder.id);
    expect(folderCollabs.entries?.some((c) => c.accessibleBy?.id === info.signInUserId && c.role === 'editor')).toBe(
      true,
    );
    const collabFile = inBig.find((f) => f.collaborations > 0);
    const fileCollabs = await client.listCollaborations.getFileCollaborations(collabFile!.id);
    expect(fileCollabs.entries?.length).toBe(collabFile!.collaborations);

    // Seven days of admin_logs by next_stream_position: chronological, no duplicates, complete.
    const now = Date.now();
    const after = new Date(now - 7 * 86_400_000).toISOString();
    const before = new Date(now).toISOString();
    const seen = new Set<string>();
    let last = 0;
    let position: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page = await client.events.getEvents({
        streamType: 'admin_logs',
        createdAfter: dateTimeFromString(after),
        createdBefore: dateTimeFromString(before),
        limit: 500,
        streamPosition: position,
      });
      for (const e of page.entries ?? []) {
        expect(seen.has(e.eventId ?? '')).toBe(false);
        seen.add(e.eventId ?? '');
        const t = e.createdAt?.value.getTime() ?? 0;
        expect(t).toBeGreaterThanOrEqual(last);
        last = t;
      }
      if ((page.chunkSize ?? 0) === 0) break;
      position = String(page.nextStreamPosition);
    }
    const expected = await ctl<{ count: number }>(
      info,
      `/truth/events?after=${encodeURIComponent(after)}&before=${encodeURIComponent(before)}`,
    );
    expect(seen.size).toBe(expected.count);
    expect(seen.size).toBeGreaterThan(100);

    // Revoke: the sign-in is over; the SDK's refresh-after-401 then fails too.
    await auth.revokeToken(ns);
    await expect(client.users.getUserMe()).rejects.toThrow();
    const tokens = await ctl<{ entries: Array<{ token: string; state: string }> }>(info, '/tokens');
    const current = await auth.tokenStorage.get();
    expect(tokens.entries.find((t) => t.token === current?.accessToken)?.state).toBe('revoked');
    expect(tokens.entries.find((t) => t.token === first.refreshToken)?.state).toBe('used');
  });
});
