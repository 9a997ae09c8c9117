/** Acceptance 2: raw responses validate against the matching schemas of box-openapi.json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { api, ctl, getTokens, tokenRequest, type Truth } from './helpers';
import { loadValidators, openApiAvailable, openApiPath, type Validators } from './openapi';

if (!openApiAvailable)
  console.log(`[sandbox schema test] skipped: Box's OpenAPI description not found at ${openApiPath}`);

describe.skipIf(!openApiAvailable)('responses match box-openapi.json', () => {
  let sb: RunningSandbox;
  let v: Validators;
  let truth: Truth;
  let token: string;
  beforeAll(async () => {
    v = loadValidators();
    sb = await startSandbox({ seed: 11, users: 30, files: 3000 });
    truth = await ctl<Truth>(sb.info, '/truth');
    token = (await getTokens(sb.info)).access_token;
  });
  afterAll(async () => sb?.close());

  const check = (schema: string, body: unknown) =>
    expect(v.validate(schema, body), `${schema}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);

  it('the converted schemas still reject wrong shapes (the checks are not vacuous)', () => {
    expect(v.validate('File--Full', { type: 'file', id: 5 })).not.toEqual([]);
    expect(v.validate('Items', { entries: [{ type: 'file', name: 'x' }] })).not.toEqual([]);
    expect(v.validate('Events', { chunk_size: 1, entries: [{ type: 'event', created_at: 'yesterday' }] })).not.toEqual(
      [],
    );
    expect(
      v.validate('File--Full', { type: 'file', id: '1', shared_link: { url: 'https://x/s/1', access: 'public' } }),
    ).not.toEqual([]);
  });

  it('token endpoint: AccessToken and OAuth2Error', async () => {
    const { status, json } = await tokenRequest(sb.info, { grant_type: 'authorization_code', code: 'nope' });
    expect(status).toBe(400);
    check('OAuth2Error', json);
    const t = await getTokens(sb.info);
    check('AccessToken', t);
  });

  it('users: User--Full and Users (offset and marker)', async () => {
    check('User--Full', (await api(sb.info, token, '/2.0/users/me')).json);
    check('User--Full', (await api(sb.info, token, '/2.0/users/me?fields=role,enterprise,name,login')).json);
    check('Users', (await api(sb.info, token, '/2.0/users?limit=5')).json);
    check('Users', (await api(sb.info, token, '/2.0/users?usemarker=true&limit=5&fields=role,enterprise')).json);
    check('Users', (await api(sb.info, token, '/2.0/users?user_type=external')).json);
  });

  it('folders and items: Folder--Full and Items (mini, fields, marker, offset)', async () => {
    const id = truth.bigFolder.id;
    check('Folder--Full', (await api(sb.info, token, `/2.0/folders/${id}`)).json);
    check('Folder--Full', (await api(sb.info, token, '/2.0/folders/0')).json);
    check('Items', (await api(sb.info, token, '/2.0/folders/0/items')).json);
    check('Items', (await api(sb.info, token, `/2.0/folders/${id}/items?usemarker=true&limit=1000`)).json);
    const fields =
      'name,size,sha1,owned_by,shared_link,modified_at,has_collaborations,is_externally_owned,path_collection,parent,created_by';
    check('Items', (await api(sb.info, token, `/2.0/folders/${id}/items?offset=100&limit=1000&fields=${fields}`)).json);
  });

  it('files: File--Full (standard and with fields), Collaborations, ClientError', async () => {
    const files = await ctl<{
      entries: Array<{ id: string; folder_id: string; shared: string | null; collaborations: number }>;
    }>(sb.info, '/truth/files?limit=10000');
    const inBig = files.entries.filter((f) => f.folder_id === truth.bigFolder.id);
    for (const f of [
      inBig.find((x) => x.shared === 'open'),
      inBig.find((x) => x.shared === 'company'),
      inBig.find((x) => !x.shared),
    ]) {
      check('File--Full', (await api(sb.info, token, `/2.0/files/${f!.id}`)).json);
      check(
        'File--Full',
        (
          await api(
            sb.info,
            token,
            `/2.0/files/${f!.id}?fields=shared_link,owned_by,size,sha1,etag,sequence_id,version_number,extension`,
          )
        ).json,
      );
    }
    check(
      'Collaborations',
      (await api(sb.info, token, `/2.0/files/${inBig.find((x) => x.collaborations > 0)!.id}/collaborations`)).json,
    );
    check('Collaborations', (await api(sb.info, token, `/2.0/folders/${truth.bigFolder.id}/collaborations`)).json);
    const missing = await api(sb.info, token, '/2.0/files/1/collaborations');
    expect(missing.status).toBe(404);
    check('ClientError', missing.json);
  });

  it('events: Events for admin_logs and admin_logs_streaming', async () => {
    const after = new Date(Date.now() - 7 * 86_400_000).toISOString();
    check(
      'Events',
      (
        await api(
          sb.info,
          token,
          `/2.0/events?stream_type=admin_logs&limit=500&created_after=${encodeURIComponent(after)}`,
        )
      ).json,
    );
    check('Events', (await api(sb.info, token, '/2.0/events?stream_type=admin_logs_streaming&limit=200')).json);
    check(
      'Events',
      (await api(sb.info, token, '/2.0/events?stream_type=admin_logs_streaming&stream_position=now')).json,
    );
  });
});
