/**
 * The sandbox's hand-set faults, over HTTP: items that answer 500 forever (so a scan's bounded
 * retries can be tested), and a network outage that drops every /2.0 request and download URL
 * for N seconds, then ends by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/core/sandbox';
import { api, ctl, getTokens } from './helpers';

let sb: RunningSandbox;
let token: string;
let file: { id: string; folder_id: string };

beforeAll(async () => {
  sb = await startSandbox({ seed: 5, users: 10, files: 200 });
  token = (await getTokens(sb.info)).access_token;
  const files = await ctl<{ entries: Array<{ id: string; owner_id: string; folder_id: string }> }>(
    sb.info,
    '/truth/files?limit=1000',
  );
  file = files.entries.find((f) => f.owner_id === sb.info.signInUserId && f.folder_id !== '0')!;
});
afterAll(async () => {
  await ctl(sb.info, '/outage', { seconds: 0 });
  await sb.close();
});

const status = async (path: string) => (await api(sb.info, token, path)).status;
/** The status, or 'dropped' when the connection was cut before an answer. */
async function reach(url: string): Promise<number | 'dropped'> {
  try {
    return (await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' })).status;
  } catch {
    return 'dropped';
  }
}

describe('fail_items', () => {
  it('makes a folder and a file answer 500 to every request about them, until cleared', async () => {
    const f = `/2.0/files/${file.id}`;
    const d = `/2.0/folders/${file.folder_id}`;
    expect(await status(`${d}/items`)).toBe(200);
    const set = await ctl<{ fail_items: unknown[] }>(sb.info, '/faults', {
      fail_items: [
        { type: 'folder', id: file.folder_id },
        { type: 'file', id: file.id },
      ],
    });
    expect(set.fail_items).toEqual([
      { type: 'folder', id: file.folder_id },
      { type: 'file', id: file.id },
    ]);
    for (const path of [d, `${d}/items`, `${d}/collaborations`, f, `${f}/content`, `${f}/collaborations`]) {
      for (let i = 0; i < 3; i++) expect({ path, status: await status(path) }).toEqual({ path, status: 500 });
    }
    expect(await status('/2.0/folders/0/items')).toBe(200); // everything else answers
    await ctl(sb.info, '/faults', { fail_items: [] });
    expect(await status(`${d}/items`)).toBe(200);
    expect(await status(f)).toBe(200);
  });

  it('refuses a malformed list rather than reading it as no fault', async () => {
    await expect(ctl(sb.info, '/faults', { fail_items: [{ type: 'user', id: '1' }] })).rejects.toThrow(/400/);
    await expect(ctl(sb.info, '/faults', { fail_items: 'folder 1' })).rejects.toThrow(/400/);
  });
});

describe('outage', () => {
  it('drops every /2.0 request and download URL until ended', async () => {
    const content = await api(sb.info, token, `/2.0/files/${file.id}/content`);
    expect(content.status).toBe(302);
    const download = content.headers.get('location')!;
    const started = await ctl<{ outage_until: string | null }>(sb.info, '/outage', { seconds: 600 });
    expect(Date.parse(started.outage_until!)).toBeGreaterThan(Date.now() + 500_000);
    expect(await reach(`${sb.info.apiUrl}/2.0/users/me`)).toBe('dropped');
    expect(await reach(`${sb.info.apiUrl}/2.0/folders/0/items`)).toBe('dropped');
    expect(await reach(download)).toBe('dropped');
    expect(await ctl(sb.info, '/outage', { seconds: 0 })).toEqual({ outage_until: null });
    expect(await reach(`${sb.info.apiUrl}/2.0/users/me`)).toBe(200);
    expect(await reach(download)).toBe(200);
  });

  it('ends by itself after the given seconds', async () => {
    const t0 = Date.now();
    await ctl(sb.info, '/outage', { seconds: 1 });
    expect(await reach(`${sb.info.apiUrl}/2.0/users/me`)).toBe('dropped');
    let answered: number | 'dropped' = 'dropped';
    while (answered === 'dropped' && Date.now() - t0 < 10_000) {
      await new Promise((r) => setTimeout(r, 50)); // poll interval, not a wait for the outcome
      answered = await reach(`${sb.info.apiUrl}/2.0/users/me`);
    }
    expect(answered).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('needs a number of seconds', async () => {
    await expect(ctl(sb.info, '/outage', {})).rejects.toThrow(/400/);
  });
});
