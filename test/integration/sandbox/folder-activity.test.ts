/**
 * Activities on a folder through the control API: a collaboration invited or removed changes
 * what Box answers for the folder and everything beneath it, and appears in the admin log with
 * the folder as its source; a folder preview changes nothing; what the sandbox does not model
 * is refused instead of logged without an effect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { api, ctl, getTokens, type Truth } from './helpers';

let sb: RunningSandbox;
let truth: Truth;
let admin: string;
beforeAll(async () => {
  sb = await startSandbox({ seed: 7, users: 10, files: 3000 });
  truth = await ctl<Truth>(sb.info, '/truth');
  admin = (await getTokens(sb.info)).access_token;
});
afterAll(async () => sb.close());

type Listing = { entries: Array<{ type: string; id: string; name: string; has_collaborations?: boolean }> };

/** A top folder of a plain user, without collaborations, holding a subfolder with files. */
async function plainTopWithSubfolder(): Promise<{ owner: string; top: string; sub: string; file: string }> {
  for (const u of truth.users.filter((x) => x.role === 'user' && !x.external)) {
    const as = { 'as-user': u.id };
    const root = (
      await api(sb.info, admin, '/2.0/folders/0/items?fields=name,has_collaborations,owned_by&limit=1000', as)
    ).json as Listing;
    for (const top of root.entries.filter((e) => e.type === 'folder' && !e.has_collaborations)) {
      const inside = (await api(sb.info, admin, `/2.0/folders/${top.id}/items?limit=1000`, as)).json as Listing;
      for (const sub of inside.entries.filter((e) => e.type === 'folder')) {
        const files = (await api(sb.info, admin, `/2.0/folders/${sub.id}/items?limit=1000`, as)).json as Listing;
        const file = files.entries.find((e) => e.type === 'file');
        if (file) return { owner: u.id, top: top.id, sub: sub.id, file: file.id };
      }
    }
  }
  throw new Error('no plain top folder with a subfolder holding files in this enterprise');
}

type Collabs = { entries: Array<{ accessible_by: { login: string } }> };
type Event = {
  event_id: string;
  event_type: string;
  source: { item_type: string; item_id: string };
  additional_details: { invitee?: string } | null;
};

describe('folder activity', () => {
  it('an invite on a top folder shares its whole subtree and is logged with the folder as source; removing it undoes that', async () => {
    const t = await plainTopWithSubfolder();
    const as = { 'as-user': t.owner };
    const external = truth.users.find((u) => u.external)!;
    const { next_stream_position: from } = (
      await api(sb.info, admin, '/2.0/events?stream_type=admin_logs_streaming&stream_position=now')
    ).json as { next_stream_position: string };

    const invite = await ctl<{ event: Event }>(sb.info, '/activity', {
      folder_id: t.top,
      event_type: 'COLLABORATION_INVITE',
      invitee_id: external.id,
    });
    expect(invite.event).toMatchObject({
      event_type: 'COLLABORATION_INVITE',
      source: { item_type: 'folder', item_id: t.top },
      additional_details: { invitee: external.login },
    });
    const collabs = (await api(sb.info, admin, `/2.0/folders/${t.top}/collaborations`, as)).json as Collabs;
    expect(collabs.entries.map((c) => c.accessible_by.login)).toEqual([external.login]);
    const file = (await api(sb.info, admin, `/2.0/files/${t.file}?fields=has_collaborations`, as)).json as {
      has_collaborations: boolean;
    };
    expect(file.has_collaborations).toBe(true);
    const sub = (await api(sb.info, admin, `/2.0/folders/${t.sub}?fields=has_collaborations`, as)).json as {
      has_collaborations: boolean;
    };
    expect(sub.has_collaborations).toBe(true);
    const page = (
      await api(sb.info, admin, `/2.0/events?stream_type=admin_logs_streaming&limit=500&stream_position=${from}`)
    ).json as { entries: Event[] };
    expect(page.entries.map((e) => e.event_id)).toContain(invite.event.event_id);

    // A look at the folder is logged and changes nothing.
    const preview = await ctl<{ event: Event }>(sb.info, '/activity', { folder_id: t.top, event_type: 'PREVIEW' });
    expect(preview.event.source).toMatchObject({ item_type: 'folder', item_id: t.top });
    expect(
      ((await api(sb.info, admin, `/2.0/folders/${t.top}/collaborations`, as)).json as Collabs).entries,
    ).toHaveLength(1);

    await ctl(sb.info, '/activity', { folder_id: t.top, event_type: 'COLLABORATION_REMOVE' });
    expect(((await api(sb.info, admin, `/2.0/folders/${t.top}/collaborations`, as)).json as Collabs).entries).toEqual(
      [],
    );
    expect(
      (
        (await api(sb.info, admin, `/2.0/files/${t.file}?fields=has_collaborations`, as)).json as {
          has_collaborations: boolean;
        }
      ).has_collaborations,
    ).toBe(false);
  });

  it('an internal invitee sees the shared folder in their root once invited', async () => {
    const t = await plainTopWithSubfolder();
    const other = truth.users.find((u) => u.role === 'user' && !u.external && u.id !== t.owner)!;
    const roots = async () =>
      (
        (await api(sb.info, admin, '/2.0/folders/0/items?limit=1000', { 'as-user': other.id })).json as Listing
      ).entries.map((e) => e.id);
    expect(await roots()).not.toContain(t.top);
    await ctl(sb.info, '/activity', { folder_id: t.top, event_type: 'COLLABORATION_INVITE', invitee_id: other.id });
    expect(await roots()).toContain(t.top);
    expect((await api(sb.info, admin, `/2.0/folders/${t.sub}/items`, { 'as-user': other.id })).status).toBe(200);
  });

  it('refuses what it does not model: collaborations below a top folder, and folder shared links', async () => {
    const t = await plainTopWithSubfolder();
    const post = (body: unknown) =>
      fetch(`${sb.info.controlUrl}/activity`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const below = await post({ folder_id: t.sub, event_type: 'COLLABORATION_INVITE' });
    expect(below.status).toBe(400);
    expect(await below.text()).toMatch(/top-level folders only/);
    const share = await post({ folder_id: t.top, event_type: 'SHARE' });
    expect(share.status).toBe(400);
    expect((await post({ folder_id: '1', event_type: 'PREVIEW' })).status).toBe(400);
  });
});
