/**
 * `box-companion actions [--run RUN_ID] [--limit N] [--export csv|json] [--json]`: the
 * governance audit log from <home>/governance.sqlite, newest first. Works offline.
 */
import { parseArgs } from 'node:util';
import { exportAuditFile } from '../../core/governance/audit-export';
import { AuditStore } from '../../core/governance/audit-store';
import { auditDbPath } from '../../core/governance/governance-service';
import { EXIT_CODES, parseOrReportUsage, type CliCommand } from '../command';
import { entryLine, entryRecord } from './governance-common';

const usage = `Usage: box-companion actions [--run RUN_ID] [--limit N] [--export csv|json] [--json]

The audit log of governance actions, newest first: one row per file changed, skipped or
failed, with who, when, the policy, the action, the state before and after, and the reason.
  --run RUN_ID        only this run's rows
  --limit N           at most N rows (default 100)
  --export csv|json   write the whole log under <home>/exports/ and print where
  --json              one object per row (with its fileId and actionId), then {"summary": ...}
Undo a row with box-companion undo ACTION_ID, a whole run with box-companion undo --run RUN_ID.`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { run: { type: 'string' }, limit: { type: 'string' }, export: { type: 'string' } },
  });
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
    throw new Error('--limit must be a whole number from 1 to 100000');
  if (values.export !== undefined && values.export !== 'csv' && values.export !== 'json')
    throw new Error('--export must be csv or json');
  return { runId: values.run, limit, format: values.export as 'csv' | 'json' | undefined };
}

const actions: CliCommand = {
  name: 'actions',
  summary: 'The governance audit log: every change a policy action made, skipped or failed.',
  usage,
  async run(ctx) {
    const o = parseOrReportUsage(ctx, usage, parse);
    if (!o) return EXIT_CODES.usage;
    const audit = new AuditStore(auditDbPath(ctx.home));
    try {
      if (o.format) {
        const file = await exportAuditFile(audit, ctx.home, o.format);
        ctx.out.result({ summary: file }, `Wrote ${file.rows} audit rows to ${file.path}`);
        return EXIT_CODES.ok;
      }
      const page = audit.auditPage({ runId: o.runId, offset: 0, limit: o.limit });
      for (const e of page.entries) ctx.out.result(entryRecord(e), entryLine(e));
      ctx.out.result(
        { summary: { total: page.total, shown: page.entries.length } },
        `${page.entries.length} of ${page.total} rows.`,
      );
      return EXIT_CODES.ok;
    } finally {
      audit.close();
    }
  },
};

export default actions;
