/** Every `box-companion` command, in the order --help lists them. Add new commands here. */
import type { CliCommand } from '../command';
import sandbox from './sandbox';
import version from './version';

export const COMMANDS: readonly CliCommand[] = [version, sandbox];
