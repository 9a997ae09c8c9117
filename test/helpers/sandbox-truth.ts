/**
 * The sandbox's ground truth as the tests read it through its control API: one shape of a
 * file's truth entry and of an admin_logs event, and the whole truth list page by page.
 */
export interface TruthEntry {
  id: string;
  owner_id: string;
  folder_id: string;
  shared: string | null;
  shared_effective: string | null;
  collaborations: number;
  external_collaborators: string[];
  modified_at: string;
  trashed: boolean;
  sensitive: { card: number } | null;
  [k: string]: unknown;
}

export interface AdminEvent {
  event_id: string;
  event_type: string;
  created_at: string;
  created_by: { id: string; login: string };
  source: { item_type: string; item_id: string; parent?: { id: string } | null };
}

/** GET on the sandbox's control API (`/_sandbox` + path), parsed. */
export type ControlGet = <T>(path: string) => Promise<T>;

/** Every file's truth entry by id, read 10,000 at a time. */
export async function truthFiles(ctl: ControlGet): Promise<Map<string, TruthEntry>> {
  const out = new Map<string, TruthEntry>();
  for (let offset = 0; ; offset += 10_000) {
    const page = await ctl<{ total_count: number; entries: TruthEntry[] }>(`/truth/files?offset=${offset}&limit=10000`);
    for (const e of page.entries) out.set(e.id, e);
    if (offset + 10_000 >= page.total_count) return out;
  }
}

/** GET /_sandbox/stats/requests: the API requests the sandbox answered, by second and by route. */
export interface RequestLog {
  total: number;
  rate_limited: number;
  by_route: Record<string, number>;
  per_second: { second: number; requests: number; rate_limited: number }[];
}

export function requestLog(ctl: ControlGet): Promise<RequestLog> {
  return ctl<RequestLog>('/stats/requests');
}

/** What the sandbox answered between two reads of its log: requests per route, and 429s. */
export function requestsBetween(
  a: RequestLog,
  b: RequestLog,
): { total: number; rateLimited: number; byRoute: Record<string, number> } {
  const byRoute: Record<string, number> = {};
  for (const [route, n] of Object.entries(b.by_route)) {
    const d = n - (a.by_route[route] ?? 0);
    if (d > 0) byRoute[route] = d;
  }
  return { total: b.total - a.total, rateLimited: b.rate_limited - a.rate_limited, byRoute };
}
