/**
 * The live matcher on a real scan store: a file the scan writes is matched (one alert, counts
 * emitted), a file that stops matching leaves the policy, a policy saved later counts what
 * already matches without alerting, seen marks clear the badge, and a removed policy leaves
 * nothing behind. The engine's writes go on while the matcher runs (no open iterator).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_FORMAT, type Policy, type PolicyAlert } from '../../common/policy/types';
import { PolicyService } from '../../main/core/policy/policy-service';
import { PolicyStore } from '../../main/core/policy/policy-store';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

let temp: TempScanStore;
let service: PolicyService;
let alerts: PolicyAlert[];
let alertEvents: number;
let notes: Array<{ title: string; body: string }>;
let counts: Array<{ policyId: string; matches: number; newMatches: number }>;

const publicPolicy: Policy = {
  format: POLICY_FORMAT,
  id: 'public',
  name: 'Public files',
  filter: { accessLevels: ['Public (Internet)'] },
};

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const dirty = () => (temp.store.reader().prepare('SELECT COUNT(*) n FROM policy_dirty').get() as { n: number }).n;

function scanned(id: string, accessLevel: string): void {
  const gen = temp.store.file(id)!.gen;
  temp.store.tx(() => temp.store.finish(id, gen, { ...PRIVATE_NOTHING_FOUND, accessLevel }));
}

beforeEach(() => {
  temp = openTempScanStore('bcc-live-matcher-');
  alerts = [];
  alertEvents = 0;
  notes = [];
  counts = [];
  service = new PolicyService({
    home: temp.dir,
    db: () => temp.store.writer(),
    reader: () => temp.store.reader(),
    emitMatches: (p) => (counts = p.counts),
    emitAlerts: (p) => {
      alertEvents++;
      alerts.push(...p.alerts);
    },
    notify: (title, body) => notes.push({ title, body }),
  });
  service.store.save(publicPolicy);
  service.start();
  temp.store.tx(() => {
    for (const id of ['f1', 'f2', 'f3']) temp.store.insertListedFile(listedTextFile(id));
  });
});
afterEach(() => {
  service.stop();
  temp.remove();
});

describe('LiveMatcher', () => {
  it('matches a file as the scan writes it, once, and drops it when it stops matching', async () => {
    scanned('f1', 'Public (Internet)');
    scanned('f2', 'Private');
    await until(() => dirty() === 0 && counts.some((c) => c.matches === 1) && alerts.length > 0);
    expect(alerts.map((a) => [a.policyId, a.fileId, a.fileName, a.seen])).toEqual([['public', 'f1', 'f1.txt', false]]);
    expect(counts).toEqual([{ policyId: 'public', matches: 1, newMatches: 1 }]);
    expect(service.matches('public', { offset: 0, limit: 10 }).entries.map((e) => e.fileId)).toEqual(['f1']);

    scanned('f1', 'Public (Internet)'); // scanned again, the same answer: no second alert
    temp.store.tx(() =>
      temp.store.prioritise({
        id: 'f1',
        name: 'f1.txt',
        ext: 'txt',
        folderId: '0',
        ownerId: 'u1',
        ownerLogin: 'a@x.com',
        asUser: 'u1',
        reason: 'edited',
        eventId: 'e1',
      }),
    );
    scanned('f1', 'Private');
    await until(() => dirty() === 0 && counts[0]?.matches === 0);
    expect(alerts).toHaveLength(1);
    expect(service.matches('public', { offset: 0, limit: 10 }).total).toBe(0);
  });

  it('a policy saved later counts what matches already, seen and without alerts; seen and remove clear it', async () => {
    scanned('f1', 'Public (Internet)');
    scanned('f2', 'Internal');
    scanned('f3', 'Internal');
    await until(() => dirty() === 0 && alerts.length === 1);
    const internal: Policy = {
      ...publicPolicy,
      id: 'internal',
      name: 'Internal',
      filter: { accessLevels: ['Internal'] },
    };
    service.save(internal);
    await until(() => service.matcher.countsOf('internal').matches === 2);
    expect(service.matcher.countsOf('internal')).toEqual({ matches: 2, newMatches: 0 });
    expect(alerts.map((a) => a.policyId)).toEqual(['public']);

    expect(service.markSeen('public')).toMatchObject({ matches: 1, newMatches: 0 });
    expect(service.alerts({ unseenOnly: true, offset: 0, limit: 10 })).toEqual({ total: 0, unseen: 0, entries: [] });
    expect(service.alerts({ offset: 0, limit: 10 }).entries.map((a) => a.seen)).toEqual([true]);

    expect(service.remove('internal')).toBe(true);
    const left = temp.store
      .reader()
      .prepare("SELECT COUNT(*) n FROM policy_matches WHERE policy_id = 'internal'")
      .get();
    expect(left).toEqual({ n: 0 });
    expect(service.list().map((s) => s.policy.id)).toEqual(['public']);
  });

  it('a policy saved mid-scan keeps the matches the live matcher writes while its first pass runs', async () => {
    scanned('f1', 'Private');
    scanned('f2', 'Internal');
    scanned('f3', 'Internal');
    await until(() => dirty() === 0);
    const internal: Policy = {
      ...publicPolicy,
      id: 'internal',
      name: 'Internal',
      filter: { accessLevels: ['Internal'] },
    };
    service.store.save(internal);
    service.matcher.reload();
    // One file a chunk: the pass visits f1 (not a match yet) and yields before f2.
    const pass = service.matcher.evaluateAll('internal', { baseline: true, chunk: 1 });
    scanned('f1', 'Internal'); // the scan writes f1 again, now a match: the live matcher takes it
    service.matcher.drainBatch(temp.store.writer(), 100);
    expect(await pass).toBeGreaterThanOrEqual(2);
    const ids = service.matches('internal', { offset: 0, limit: 10 }).entries.map((e) => e.fileId);
    expect(ids.sort()).toEqual(['f1', 'f2', 'f3']);
    expect(service.matcher.countsOf('internal').matches).toBe(3);
  });

  it('sends a burst of alerts in a few events, and one OS notification for the whole burst', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
    temp.store.tx(() => ids.forEach((id) => temp.store.insertListedFile(listedTextFile(id))));
    temp.store.tx(() => ids.slice(0, 10).forEach((id) => scanned(id, 'Public (Internet)')));
    await until(() => alerts.length === 10 && !service.matcher.notificationPending);
    expect(notes).toEqual([{ title: 'Public files', body: '10 new matches, the first: p0.txt' }]);

    temp.store.tx(() => ids.slice(10).forEach((id) => scanned(id, 'Public (Internet)'))); // the same burst
    await until(() => alerts.length === 20);
    // The same burst: told together a minute after the first notification, not one by one now.
    expect(service.matcher.notificationPending).toBe(true);
    expect(notes).toHaveLength(1);
    expect(alerts.map((a) => a.fileId)).toEqual(ids);
    expect(alertEvents).toBeLessThanOrEqual(4); // one per alert before: 20
  });

  it("re-matches a file when its owner's groups change or its folder's path does, and only then", async () => {
    const finance: Policy = { ...publicPolicy, id: 'finance', name: 'Finance', filter: { groups: ['Finance'] } };
    const projects: Policy = { ...publicPolicy, id: 'projects', name: 'Projects', filter: { pathPrefix: '/Projects' } };
    service.store.save(finance);
    service.store.save(projects);
    service.matcher.reload();
    const w = temp.store.writer();
    w.prepare("INSERT INTO folders(id, name, path, state, seq) VALUES ('d1', 'Old', '/Old', 1, 1)").run();
    temp.store.tx(() => temp.store.insertListedFile(listedTextFile('f9', 'd1')));
    scanned('f1', 'Private');
    scanned('f9', 'Private');
    await until(() => dirty() === 0);
    expect(service.matcher.countsOf('finance').matches).toBe(0);

    const joins = [{ userId: 'u1', groupId: 'g1', groupName: 'Finance' }];
    temp.store.tx(() => temp.store.replaceUserGroups(joins)); // u1 joins Finance: its scanned files match
    await until(() => dirty() === 0 && service.matcher.countsOf('finance').matches === 2);
    temp.store.tx(() => temp.store.replaceUserGroups(joins)); // read again, unchanged: nothing to re-match
    expect(dirty()).toBe(0);

    w.prepare("UPDATE folders SET path = '/Projects/Old' WHERE id = 'd1'").run(); // the folder is renamed
    await until(() => dirty() === 0 && service.matcher.countsOf('projects').matches === 1);
    expect(service.matches('projects', { offset: 0, limit: 10 }).entries.map((e) => e.fileId)).toEqual(['f9']);

    temp.store.tx(() => temp.store.replaceUserGroups([])); // u1 leaves: no Finance match is left
    await until(() => dirty() === 0 && service.matcher.countsOf('finance').matches === 0);
  });

  it('a policy another process saves, changes or removes reaches the matcher and the counts', async () => {
    scanned('f1', 'Internal');
    scanned('f2', 'Private');
    await until(() => dirty() === 0);
    const cli = new PolicyStore(temp.dir); // what box-companion policy does, in its own process
    const internal: Policy = {
      ...publicPolicy,
      id: 'cli',
      name: 'From the CLI',
      filter: { accessLevels: ['Internal'] },
    };
    cli.save(internal);
    await until(() => counts.some((c) => c.policyId === 'cli' && c.matches === 1));
    cli.save({ ...internal, filter: { accessLevels: ['Internal', 'Private'] } });
    await until(() => counts.some((c) => c.policyId === 'cli' && c.matches === 2));
    cli.remove('cli');
    await until(() => !counts.some((c) => c.policyId === 'cli'));
    const left = temp.store.reader().prepare("SELECT COUNT(*) n FROM policy_matches WHERE policy_id = 'cli'").get();
    expect(left).toEqual({ n: 0 });
    expect(alerts).toEqual([]); // a policy's first pass is its baseline: no alert

    service.stop(); // the app is closed; the CLI adds a policy; the app starts again
    cli.save({ ...internal, id: 'later' });
    service = new PolicyService({
      home: temp.dir,
      db: () => temp.store.writer(),
      reader: () => temp.store.reader(),
      emitMatches: (p) => (counts = p.counts),
      emitAlerts: () => undefined,
    });
    service.start();
    await until(() => service.matcher.countsOf('later').matches === 1);
  });

  it('previews a filter not saved, paged, with the total', async () => {
    scanned('f1', 'Internal');
    scanned('f2', 'Internal');
    const page = await service.preview({ accessLevels: ['Internal'], extensions: ['txt'] }, { offset: 1, limit: 5 });
    expect(page.total).toBe(2);
    expect(page.entries.map((e) => e.fileId)).toEqual(['f2']);
    expect((await service.preview({ extensions: ['pdf'] }, { offset: 0, limit: 5 })).total).toBe(0);
  });
});
