/**
 * `box-companion undo ACTION_ID | --run RUN_ID [--json]`: puts back what a logged change did,
 * where Box allows (a link's previous access level, removed collaborators re-invited with a new
 * collaboration, a move back from quarantine, a restore from the trash), as an undo run of its own.
 */
import { parseArgs } from 'node:util';
import { EXIT_CODES, parseOrReportUsage, type CliCommand } from '../command';
import { NO_KEYCHAIN_EXIT } from './connection-common';
import { describeRun, entryLine, entryRecord, openGovernance } from './governance-common';

const usage = `Usage: box-companion undo ACTION_ID | --run RUN_ID [--json]

Undoes one logged change (ACTION_ID, from box-companion actions) or every undoable change of a
run. The undo is logged as a run of its own; the original rows are marked undone. Re-invited
collaborators get a new collaboration id from Box, and the log says so.
  --json   one object per file with its fileId, then {"summary": {"runId", ...}}
Exit codes: 0 undone, 1 a change could not be undone (or nothing to undo), 2 bad command line.`;

function parse(argv: string[]): { actionId?: string; runId?: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { run: { type: 'string' } },
  });
  if ((positionals.length === 1) === (values.run !== undefined)) throw new Error('give one ACTION_ID or --run RUN_ID');
  if (positionals.length > 1) throw new Error('undo takes one ACTION_ID');
  return values.run !== undefined ? { runId: values.run } : { actionId: positionals[0] };
}

const undo: CliCommand = {
  name: 'undo',
  summary: 'Undo a logged governance change, or a whole run, where Box allows.',
  usage,
  async run(ctx) {
    const o = parseOrReportUsage(ctx, usage, parse);
    if (!o) return EXIT_CODES.usage;
    const gov = await openGovernance(ctx, { onEntry: (e) => ctx.out.result(entryRecord(e), entryLine(e)) });
    if (!gov) return NO_KEYCHAIN_EXIT;
    try {
      const runner = await gov.service.runner();
      const started = o.runId ? runner.undoRun(o.runId) : runner.undoAction(o.actionId!);
      const final = await started.done;
      ctx.out.result({ summary: final }, describeRun(final));
      return final.counts.failed > 0 || final.counts.skipped > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
    } catch (error) {
      ctx.out.failure(error);
      return EXIT_CODES.failed;
    } finally {
      gov.close();
    }
  },
};

export default undo;
