/**
 * `box-companion findings --format csv|json [--output FILE]`: every scanned file with its access
 * level, owner, external collaborators, inspection state and sensitive-data counts, from
 * <home>/scan.sqlite. Works offline; no sign-in needed.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { writeFindings } from '../../core/scan/export';
import { scanDbPath } from '../../core/scan/engine';
import { ScanStore } from '../../core/scan/store/scan-store';
import { EXIT_CODES, type CliCommand } from '../command';

const usage = `Usage: box-companion findings --format csv|json [--output FILE]

Writes the scan's findings (one row per file) to stdout, or to FILE with --output.`;

const findings: CliCommand = {
  name: 'findings',
  summary: 'Export the scan findings as CSV or JSON.',
  usage,
  async run(ctx) {
    let values;
    try {
      ({ values } = parseArgs({ args: ctx.argv, strict: true, options: { format: { type: 'string' }, output: { type: 'string' } } }));
      if (values.format !== 'csv' && values.format !== 'json') throw new Error('--format must be csv or json');
    } catch (error) {
      ctx.out.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 'usage');
      return EXIT_CODES.usage;
    }
    const format = values.format as 'csv' | 'json';
    if (!existsSync(scanDbPath(ctx.home))) {
      ctx.out.error('no scan yet in this home: run box-companion scan first', 'no_scan');
      return EXIT_CODES.failed;
    }
    const store = new ScanStore(scanDbPath(ctx.home));
    try {
      if (values.output) {
        const out = createWriteStream(values.output, { mode: 0o600 });
        const files = await writeFindings(store, format, out);
        out.end();
        await once(out, 'close');
        ctx.out.result({ path: values.output, format, files }, `Wrote ${files} files' findings to ${values.output}`);
      } else {
        await writeFindings(store, format, process.stdout);
      }
    } finally {
      store.close();
    }
    return EXIT_CODES.ok;
  },
};

export default findings;
