/**
 * The command line every core process entry is started with. Its own module because the
 * Electron main process needs it too, and must not load the core to get it.
 */
import type { AppInfo } from '../../../common/bridge/contract';

export interface CoreProcessArgs {
  home: string;
  runtime: AppInfo['runtime'];
}

/** `--home DIR --runtime NAME`, the arguments every core process entry is started with. */
export function coreProcessArgs(options: CoreProcessArgs): string[] {
  return ['--home', options.home, '--runtime', options.runtime];
}

export function parseCoreProcessArgs(argv: readonly string[]): CoreProcessArgs {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    const found = at >= 0 ? argv[at + 1] : undefined;
    if (!found) throw new Error(`core process: ${flag} is missing`);
    return found;
  };
  const runtime = value('--runtime');
  if (runtime !== 'electron' && runtime !== 'harness' && runtime !== 'cli')
    throw new Error(`core process: unknown --runtime ${runtime}`);
  return { home: value('--home'), runtime };
}
