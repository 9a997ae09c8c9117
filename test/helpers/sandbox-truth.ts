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

/** The ids whose truth differs between two snapshots (changed, added or gone), sorted. */
export function changedFiles(before: Map<string, TruthEntry>, after: Map<string, TruthEntry>): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))).sort();
}

/** Files whose link is open to anyone and whose content holds a card number (not trashed). */
export const publicWithCards = (truth: Map<string, TruthEntry>): TruthEntry[] =>
  [...truth.values()].filter((f) => f.shared_effective === 'open' && !f.trashed && (f.sensitive?.card ?? 0) > 0);

/**
 * admin_logs events at or after `after` and before `before` (ISO), oldest first. The control
 * API answers at most 10,000 a call, so the next call starts at the last one's time (the
 * events of that millisecond come again and are dropped by id).
 */
export async function eventsBetween(ctl: ControlGet, after: string, before?: string): Promise<AdminEvent[]> {
  const out = new Map<string, AdminEvent>();
  const until = before ? `&before=${encodeURIComponent(before)}` : '';
  for (let from = after; ;) {
    const page = await ctl<{ entries: AdminEvent[] }>(`/truth/events?after=${encodeURIComponent(from)}${until}`);
    const fresh = page.entries.filter((e) => !out.has(e.event_id));
    for (const e of fresh) out.set(e.event_id, e);
    if (page.entries.length < 10_000 || fresh.length === 0) return [...out.values()];
    from = page.entries[page.entries.length - 1]!.created_at;
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
