/**
 * `box-companion doctor`: is <home>/scan.sqlite healthy? Opens it read-only (safe while a scan
 * runs), runs SQLite's integrity check, checks the schema version and the counters, and prints
 * the counts, for help desks. Exit 0 healthy, 1 with what is wrong.
 */
import { scanDbPath } from '../../core/scan/engine';
import { checkStore, type StoreHealth } from '../../core/scan/store/health';
import { EXIT_CODES, type CliCommand } from '../command';

const usage = `Usage: box-companion doctor [--json]

Checks the scan store (<home>/scan.sqlite) without changing it: SQLite's integrity check, the
schema version, and that the progress counters equal the rows. Prints the counts: users,
folders listed of found, files by state, inspections pending, events.
Exit code 0 when healthy, 1 with what is wrong (damaged file, counter drift, unknown schema
version, no store).`;

function describe(h: StoreHealth): string {
  const lines = [`Scan store: ${h.path}`, `Schema version: ${h.schemaVersion ?? 'unknown'}`];
  const c = h.counts;
  if (c) {
    lines.push(
      `Users: ${c.users} (${c.reachable} reachable)`,
      `Folders: ${c.listed} listed of ${c.folders}`,
      `Files: ${c.files} found, ${c.done} scanned, ${c.queued} queued, ${c.failed} failed, ${c.notScanned} not scanned`,
      `Inspection pending: ${c.inspectionPending}`,
      `Events: ${c.events} (${c.backfillEvents} from the backfill)`,
    );
  }
  for (const note of h.notes) lines.push(`Note: ${note}`);
  lines.push(h.healthy ? 'Healthy.' : `Problems:\n${h.problems.map((p) => `  - ${p}`).join('\n')}`);
  return lines.join('\n');
}

const doctor: CliCommand = {
  name: 'doctor',
  summary: "Check the scan store's integrity, schema version and counters, and print its counts.",
  usage,
  async run(ctx) {
    if (ctx.argv.length) {
      ctx.out.error(`doctor takes no arguments (got ${ctx.argv.join(' ')}).\n${usage}`, 'usage');
      return EXIT_CODES.usage;
    }
    const health = checkStore(scanDbPath(ctx.home));
    ctx.out.result({ ...health }, describe(health));
    return health.healthy ? EXIT_CODES.ok : EXIT_CODES.failed;
  },
};

export default doctor;
