/**
 * The shape every `box-companion` sub-command has. One file per command under
 * main/cli/commands/, listed in main/cli/commands/index.ts.
 */
import type { CliOutput } from './output';

export interface CliContext {
  /** The app home for this run (--home, then BOX_COMPANION_HOME, then the OS default). */
  home: string;
  /** Where to write results: JSON lines on stdout with --json, human text otherwise. */
  out: CliOutput;
  /** The command's own arguments, after the global options were taken out. */
  argv: string[];
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); long-running commands await it. */
  stopSignal: Promise<NodeJS.Signals>;
}

export interface CliCommand {
  name: string;
  /** One line for `box-companion --help`. */
  summary: string;
  /** Full usage text for `box-companion help NAME`. */
  usage: string;
  /** Returns the process exit code (see EXIT_CODES). */
  run(ctx: CliContext): Promise<number>;
}

/** Exit codes, documented in `box-companion --help`. */
export const EXIT_CODES = {
  ok: 0,
  /** The command ran and found a problem (a failed check, a refused request). */
  failed: 1,
  /** Bad command line: unknown command or option, missing or malformed value. */
  usage: 2,
  /** A required local facility is missing (no keychain, no display...). */
  unavailable: 3,
  /** Unexpected internal error; the message says what happened. */
  internal: 70,
} as const;

/**
 * Parses a command's own arguments. A bad command line (parse throws) is reported with the
 * command's usage text and gives null: the command then returns EXIT_CODES.usage.
 */
export function parseOrReportUsage<T>(ctx: CliContext, usage: string, parse: (argv: string[]) => T): T | null {
  try {
    return parse(ctx.argv);
  } catch (error) {
    ctx.out.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`, 'usage');
    return null;
  }
}
