/**
 * Walks every file of an enterprise through the API the way a scanner must: list the managed
 * users, then for each one (As-User, except the signed-in admin) page through their own top
 * folders and everything beneath with marker paging. Shared folders are walked once, as their
 * owner. Used by the determinism test and the million-file benchmark.
 */
export interface WalkOptions {
  apiUrl: string;
  token: string;
  fields?: string;
  concurrency?: number;
  /** Keep one line per item (for byte comparison); off for big walks. */
  collect?: boolean;
}

export interface WalkResult {
  files: number;
  folders: number;
  requests: number;
  lines: string[];
}

interface Page {
  entries: Array<Record<string, unknown> & { type: string; id: string; owned_by?: { id: string } }>;
  next_marker?: string | null;
}

export async function walkEnterprise(o: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: 0, folders: 0, requests: 0, lines: [] };
  const fields = o.fields ?? 'name,size,sha1,etag,sequence_id,owned_by,shared_link,modified_at,has_collaborations';
  const get = async <T>(path: string, asUser?: string): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      result.requests++;
      const res = await fetch(`${o.apiUrl}${path}`, {
        headers: { authorization: `Bearer ${o.token}`, ...(asUser ? { 'as-user': asUser } : {}) },
      });
      const text = await res.text();
      if (res.status === 200) return JSON.parse(text) as T;
      if ((res.status === 429 || res.status >= 500) && attempt < 5) {
        await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
        continue;
      }
      throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 200)}`);
    }
  };
  async function* pages(folderId: string, asUser: string | undefined, f: string): AsyncGenerator<Page['entries']> {
    let marker: string | null | undefined = null;
    do {
      const q = new URLSearchParams({ usemarker: 'true', limit: '1000', fields: f });
      if (marker) q.set('marker', marker);
      const page: Page = await get<Page>(`/2.0/folders/${folderId}/items?${q}`, asUser);
      yield page.entries;
      marker = page.next_marker;
    } while (marker);
  }

  const me = await get<{ id: string }>('/2.0/users/me');
  const users: Array<{ id: string }> = [];
  let marker: string | null | undefined = null;
  do {
    const q = new URLSearchParams({ usemarker: 'true', limit: '1000', user_type: 'managed', fields: 'id' });
    if (marker) q.set('marker', marker);
    const page: { entries: Array<{ id: string }>; next_marker?: string | null } = await get(`/2.0/users?${q}`);
    users.push(...page.entries);
    marker = page.next_marker;
  } while (marker);

  const queue: Array<{ id: string; asUser: string | undefined; owner: string }> = [];
  for (const u of users) {
    const asUser = u.id === me.id ? undefined : u.id;
    for await (const entries of pages('0', asUser, 'name,owned_by')) {
      for (const e of entries)
        if (e.type === 'folder' && e.owned_by?.id === u.id) queue.push({ id: e.id, asUser, owner: u.id });
    }
  }

  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      if (queue.length === 0 && active === 0) return resolve();
      while (active < (o.concurrency ?? 8) && queue.length > 0) {
        const folder = queue.shift();
        if (!folder) break;
        active++;
        result.folders++;
        (async () => {
          for await (const entries of pages(folder.id, folder.asUser, fields)) {
            for (const e of entries) {
              if (e.type === 'folder') queue.push({ id: e.id, asUser: folder.asUser, owner: folder.owner });
              else result.files++;
              if (o.collect) result.lines.push(`${folder.owner}\t${folder.id}\t${JSON.stringify(e)}`);
            }
          }
        })().then(() => {
          active--;
          pump();
        }, reject);
      }
    };
    pump();
  });
  // Concurrency changes arrival order, never content: sort for a byte comparison.
  result.lines.sort();
  return result;
}
