/**
 * The `box-companion` CLI: global options, command lookup, exit codes. Commands live in
 * main/cli/commands/, one file each, over the same core as the desktop app.
 */
import { installNetworkStack } from '../core/box/network';
import { createNodeNetwork, type NodeNetworkOptions } from '../core/box/node-network';
import { resolveHome } from '../core/home';
import { EXIT_CODES, type CliCommand } from './command';
import { COMMANDS } from './commands';
import { generalHelp } from './help';
import { createCliOutput } from './output';

interface GlobalOptions {
  home: string | undefined;
  json: boolean;
  help: boolean;
  /** --proxy, --ca-file, --system-ca: how every request of this run reaches Box. */
  network: NodeNetworkOptions;
  rest: string[];
}

/** Options that take a value, with what the value is (for the error when it is missing). */
const VALUED = {
  '--home': 'a folder: --home DIR',
  '--proxy': 'a URL: --proxy http://proxy:3128',
  '--ca-file': 'a PEM file: --ca-file FILE',
} as const;
type Valued = keyof typeof VALUED;

function setValued(options: GlobalOptions, name: Valued, value: string): void {
  if (name === '--home') options.home = value;
  else if (name === '--proxy') options.network.proxy = value;
  else options.network.caFile = value;
}

/** Takes the global options out wherever they stand, leaving the command and its own options. */
export function splitGlobalOptions(argv: readonly string[]): GlobalOptions | { error: string } {
  const options: GlobalOptions = { home: undefined, json: false, help: false, network: {}, rest: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--system-ca') options.network.systemCa = true;
    else if (name in VALUED) {
      const value = inline ?? argv[++index];
      if (!value || value.startsWith('--')) return { error: `${name} needs ${VALUED[name as Valued]}` };
      setValued(options, name as Valued, value);
    } else options.rest.push(arg);
  }
  return options;
}

/** Installs this run's network stack; a bad --proxy or --ca-file is the command line's fault. */
function installNetwork(network: NodeNetworkOptions): string | null {
  try {
    if (network.proxy) new URL(network.proxy);
    installNetworkStack(createNodeNetwork(network));
    return null;
  } catch (error) {
    return `--proxy / --ca-file: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  const parsed = splitGlobalOptions(argv);
  const out = createCliOutput('json' in parsed ? parsed.json : argv.includes('--json'));
  if ('error' in parsed) {
    out.error(parsed.error, 'usage');
    return EXIT_CODES.usage;
  }
  const networkError = installNetwork(parsed.network);
  if (networkError) {
    out.error(networkError, 'usage');
    return EXIT_CODES.usage;
  }
  const [name, ...rest] = parsed.rest;
  const find = (wanted: string | undefined): CliCommand | undefined =>
    COMMANDS.find((command) => command.name === wanted);

  if (name === undefined || name === 'help') {
    const target = rest[0];
    if (target && find(target)) process.stdout.write(find(target)!.usage + '\n');
    else if (target) {
      out.error(`unknown command "${target}". Run box-companion --help for the list.`, 'usage');
      return EXIT_CODES.usage;
    } else process.stdout.write(generalHelp(COMMANDS));
    return name === undefined && !parsed.help ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  const command = find(name);
  if (!command) {
    out.error(`unknown command "${name}". Run box-companion --help for the list.`, 'usage');
    return EXIT_CODES.usage;
  }
  if (parsed.help) {
    process.stdout.write(command.usage + '\n');
    return EXIT_CODES.ok;
  }
  try {
    return await command.run({ home: resolveHome(parsed.home), out, argv: rest, stopSignal: stopSignal() });
  } catch (error) {
    out.failure(error);
    return EXIT_CODES.internal;
  }
}
