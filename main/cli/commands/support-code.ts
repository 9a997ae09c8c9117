/**
 * `box-companion support-code CODE`: what the code an admin read out says (data center, console
 * generation, connected or not, each check's result), for the help desk. Offline: the code
 * carries everything.
 */
import {
  decodeSupportCode,
  formatSupportCode,
  summariseSupportState,
  type SupportSummary,
} from '../../../common/support';
import { EXIT_CODES, type CliCommand } from '../command';

function describe(code: string, summary: SupportSummary): string {
  const width = Math.max(...summary.checks.map((check) => check.title.length), 0);
  return [
    `Support code ${formatSupportCode(code)}`,
    `  Data center:      ${summary.dataCenter}`,
    `  Box Admin Console: ${summary.consoleGeneration}`,
    `  Connection:       ${summary.connection}`,
    `  ${summary.verdict}`,
    ...summary.checks.map(
      (check, index) => `    ${String(index).padStart(2)}. ${check.title.padEnd(width)}  ${check.label}`,
    ),
  ].join('\n');
}

const supportCode: CliCommand = {
  name: 'support-code',
  summary: 'Read a support code an admin read out: their data center, console, connection and test results.',
  usage: `Usage: box-companion support-code CODE [--json]

Decodes the 8-character support code the app shows on its connection test screen (and that
box-companion test --json prints as supportCode), for example 1ABC-D2EF. Dashes, spaces and
lower case are fine. Works offline.

  --json   {code, layout, state: {dataCenter, consoleGeneration, connected, checks: {ID: pass|warning|fail|not_run} | null}, summary}

Exit codes: 0 decoded; 2 no code, or the code is mistyped (the message says what is wrong).`,
  async run(ctx) {
    const typed = ctx.argv.join('');
    if (ctx.argv.some((arg) => arg.startsWith('--'))) {
      ctx.out.error(`support-code takes only the code (got ${ctx.argv.join(' ')}).`, 'usage');
      return EXIT_CODES.usage;
    }
    const decoded = decodeSupportCode(typed);
    if (!decoded.ok) {
      ctx.out.error(`support-code: ${decoded.problem}`, 'invalid_support_code');
      return EXIT_CODES.usage;
    }
    const summary = summariseSupportState(decoded.state);
    ctx.out.result(
      { code: formatSupportCode(decoded.code), layout: 1, state: decoded.state, summary },
      describe(decoded.code, summary),
    );
    return EXIT_CODES.ok;
  },
};

export default supportCode;
