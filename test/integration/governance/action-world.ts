/**
 * The world the action tests share (test/integration/governance/actions-*.test.ts): a scanned
 * sandbox, unused files to act on, and each action applied or undone while the truth and
 * admin_logs are watched. Each test file that calls `useActionWorld()` gets its own world.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { ActionSpec, FileGovernanceState } from '../../../common/policy/types';
import { actionFor } from '../../../main/core/governance/actions';
import { BoxGovernance } from '../../../main/core/governance/box-governance';
import { changedIds, governanceWorld, type AdminEvent, type GovernanceWorld, type TruthEntry } from './support';

export let g: GovernanceWorld;
export let truth0: Map<string, TruthEntry>;
export const used = new Set<string>();

export function useActionWorld(): void {
  beforeAll(async () => {
    g = await governanceWorld({ seed: 17, files: 3000, users: 30 });
    truth0 = await g.snapshot();
  }, 60_000);
  afterAll(async () => g?.close());
}

export const regularUser = (id: string) => g.users.find((u) => u.id === id)?.role === 'user';

/** An unused file of a regular user, in a folder, matching `test`. */
export function pick(test: (e: TruthEntry) => boolean): TruthEntry {
  for (const e of truth0.values()) {
    if (used.has(e.id) || e.trashed || e.folder_id === '0' || !regularUser(e.owner_id) || !test(e)) continue;
    used.add(e.id);
    return e;
  }
  throw new Error('seed 17 has no such file');
}

/** Applies `spec` to the file: the state before and after, and what changed in the truth and the log. */
export async function applyAndObserve(spec: ActionSpec, file: TruthEntry) {
  const action = actionFor(spec);
  const before = await g.box.readFile(file.id, file.owner_id);
  expect(action.applies(spec, before)).toEqual({ ok: true });
  expect(action.isApplied(spec, before, before)).toBe(false);
  const truthBefore = await g.snapshot();
  const events = await g.mark();
  const after = await action.apply(g.box, spec, before);
  expect(action.isApplied(spec, before, after)).toBe(true);
  const truthAfter = await g.snapshot();
  return {
    action,
    before,
    after,
    truthBefore,
    truthAfter,
    diff: changedIds(truthBefore, truthAfter),
    events: await events(),
  };
}

export async function undoAndObserve(spec: ActionSpec, before: FileGovernanceState, after: FileGovernanceState) {
  const action = actionFor(spec);
  const truthBefore = await g.snapshot();
  const events = await g.mark();
  if (!action.undo) throw new Error(`${spec.name} has no undo`);
  const undone = await action.undo(g.box, spec, before, after);
  const truthAfter = await g.snapshot();
  return { undone, truthAfter, diff: changedIds(truthBefore, truthAfter), events: await events() };
}

export const summary = (events: AdminEvent[]) => events.map((e) => [e.event_type, e.source.item_id, e.created_by.id]);

/** The truth of `id` in `after` is `before`'s with `changes`. */
export function expectOnly(
  before: Map<string, TruthEntry>,
  after: Map<string, TruthEntry>,
  id: string,
  changes: Partial<TruthEntry>,
) {
  expect(after.get(id)).toEqual({ ...before.get(id), ...changes });
}

export function reopened(): BoxGovernance {
  return new BoxGovernance(g.box.sdk(), g.scheduler, {
    home: g.connected.home,
    admin: { id: g.adminId, login: g.users.find((u) => u.id === g.adminId)?.login ?? '' },
  });
}

export async function readNote(noteId: string, ownerId: string): Promise<string> {
  const stream = await g.box.sdk(ownerId).downloads.downloadFile(noteId);
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString('utf8');
}
