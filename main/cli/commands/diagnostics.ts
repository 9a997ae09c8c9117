/**
 * `box-companion diagnostics --out FILE`: the help desk's bundle (last test, settings, versions,
 * recent errors) with every token, the client secret and Authorization headers removed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDiagnostics } from '../../core/conntest/diagnostics';
import { createNodeSettingsStore } from '../../core/settings/node-settings';
import { EXIT_CODES, type CliCommand } from '../command';
import { connectionManagerFor, NO_KEYCHAIN_EXIT } from './connection-common';

const diagnostics: CliCommand = {
  name: 'diagnostics',
  summary: 'Write the diagnostics bundle for the help desk (no tokens or secrets in it).',
  usage: `Usage: box-companion diagnostics --out FILE

Writes a JSON bundle for the help desk: the last connection test (run box-companion test
first), the settings, the app, OS and runtime versions, the connection (who, where) and recent
errors. Tokens, the client secret and Authorization headers are removed.

Exit codes: 0 written; 2 bad or missing option; 3 no keychain.`,
  async run(ctx) {
    let out: string | undefined;
    try {
      ({
        values: { out },
      } = parseArgs({ args: ctx.argv, options: { out: { type: 'string' } }, strict: true, allowPositionals: false }));
    } catch (error) {
      ctx.out.error(error instanceof Error ? error.message : String(error), 'usage');
      return EXIT_CODES.usage;
    }
    if (!out) {
      ctx.out.error('diagnostics needs --out FILE.', 'usage');
      return EXIT_CODES.usage;
    }
    const manager = await connectionManagerFor(ctx);
    if (!manager) return NO_KEYCHAIN_EXIT;
    const settings = createNodeSettingsStore(ctx.home);
    const written = await writeDiagnostics(
      { home: ctx.home, runtime: 'cli', connection: manager, settings: () => settings.get() },
      resolve(out),
    );
    ctx.out.result(
      written,
      `Diagnostics written to ${written.path} (${written.bytes} bytes). Tokens and secrets are not in it.`,
    );
    return EXIT_CODES.ok;
  },
};

export default diagnostics;
