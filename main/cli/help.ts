import { EXIT_CODES, type CliCommand } from './command';

export function generalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length), 4) + 2;
  const list = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`).join('\n');
  return `Box Connect Companion — command-line front end

Usage: box-companion [global options] <command> [command options]

Commands:
${list}
  ${'help'.padEnd(width)}Show this text, or a command's usage: box-companion help <command>

Global options (accepted by every command, before or after it):
  --home DIR   Keep all app data for this run in DIR (default: $BOX_COMPANION_HOME, else the
               desktop app's own data folder).
  --json       Write results as one JSON object per line on stdout; human text goes to stderr.
  -h, --help   Show help.

Environment:
  BOX_COMPANION_HOME               Same as --home.
  BOX_COMPANION_KEYCHAIN_SERVICE   Keychain service name (default box-connect-companion).

Exit codes:
  ${EXIT_CODES.ok}   success
  ${EXIT_CODES.failed}   the command ran and found a problem (a failed check, a refused request)
  ${EXIT_CODES.usage}   bad command line (unknown command or option, malformed value)
  ${EXIT_CODES.unavailable}   a local facility it needs is missing (for example no keychain)
  ${EXIT_CODES.internal}  unexpected internal error
`;
}
