/**
 * `box-companion findings --format csv|json [--output FILE]`: every scanned file with its access
 * level, owner, external collaborators, inspection state, reason and method, sensitive-data
 * counts and masked locations, from
 * <home>/scan.sqlite. Works offline; no sign-in needed.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { writeFindings } from '../../core/scan/export';
import { scanDbPath } from '../../core/scan/engine';
import { openScanStoreForReading, type FailedItem } from '../../core/scan/store/scan-store';
import { EXIT_CODES, parseOrReportUsage, type CliCommand } from '../command';

const usage = `Usage: box-companion findings --format csv|json [--output FILE]

Writes the scan's findings (one row per file) to stdout, or to FILE with --output: access
level, owner, external collaborators, inspection state with its reason (code and words) and
method (local or Box text), sensitive-data counts, and where the first matches are (page,
cell, slide, archive entry), each value masked to its last 4 characters. The users,
folders and files that failed (given up after retries, or refused by Box) are listed after it, with the reason
(on stderr when the findings go to stdout); the files beneath a folder that could not be
listed are "not scanned" with that reason.`;

const MAX_FAILED_LISTED = 100;

function failedText(failed: FailedItem[]): string {
  if (!failed.length) return '';
  const lines = failed.map((f) => `  ${f.kind} ${f.name}: ${f.reason}`);
  return `\nFailed, with the reason (${failed.length === MAX_FAILED_LISTED ? `the first ${MAX_FAILED_LISTED}` : failed.length}):\n${lines.join('\n')}`;
}

function parseFindingsArgs(argv: string[]): { format: 'csv' | 'json'; output: string | undefined } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { format: { type: 'string' }, output: { type: 'string' } },
  });
  if (values.format !== 'csv' && values.format !== 'json') throw new Error('--format must be csv or json');
  return { format: values.format, output: values.output };
}

const findings: CliCommand = {
  name: 'findings',
  summary: 'Export the scan findings as CSV or JSON.',
  usage,
  async run(ctx) {
    const values = parseOrReportUsage(ctx, usage, parseFindingsArgs);
    if (!values) return EXIT_CODES.usage;
    const { format } = values;
    if (!existsSync(scanDbPath(ctx.home))) {
      ctx.out.error('no scan yet in this home: run box-companion scan first', 'no_scan');
      return EXIT_CODES.failed;
    }
    // Read-only: a scan may be running in another process (the app), and findings writes nothing.
    const store = openScanStoreForReading(scanDbPath(ctx.home));
    try {
      const failed = store.failedItems(MAX_FAILED_LISTED);
      if (values.output) {
        const out = createWriteStream(values.output, { mode: 0o600 });
        const files = await writeFindings(store, format, out);
        out.end();
        await once(out, 'close');
        ctx.out.result(
          { path: values.output, format, files, failed },
          `Wrote ${files} files' findings to ${values.output}${failedText(failed)}`,
        );
      } else {
        await writeFindings(store, format, process.stdout);
        // stdout is the export itself: what the scan gave up on goes to stderr.
        if (failed.length) ctx.out.info(failedText(failed).trim());
      }
    } finally {
      store.close();
    }
    return EXIT_CODES.ok;
  },
};

export default findings;
