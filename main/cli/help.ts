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
  --proxy URL  Send every request to Box through this proxy (instead of $HTTPS_PROXY /
               $HTTP_PROXY; hosts in $NO_PROXY still go direct).
  --ca-file FILE
               Also trust the PEM certificates in FILE (a TLS-inspecting proxy's root), as
               $NODE_EXTRA_CA_CERTS does.
  --system-ca  Also trust the operating system's certificate store (Linux: the CA bundle in
               /etc/ssl; macOS: the System keychain; Windows: needs Node 22.15+).

Environment:
  BOX_COMPANION_HOME               Same as --home.
  BOX_COMPANION_KEYCHAIN_SERVICE   Keychain service name (default box-connect-companion).
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY (or lower case)
                                   The proxy for every request, and the hosts that bypass it.
  NODE_EXTRA_CA_CERTS              A PEM file of extra certificates to trust.

Exit codes:
  ${EXIT_CODES.ok}   success
  ${EXIT_CODES.failed}   the command ran and found a problem (a failed check, a refused request)
  ${EXIT_CODES.usage}   bad command line (unknown command or option, malformed value)
  ${EXIT_CODES.unavailable}   a local facility it needs is missing (for example no keychain)
  ${EXIT_CODES.internal}  unexpected internal error
`;
}
