import { parseArgs } from 'node:util';
import { BOX_ENDPOINTS } from '../../core/auth/box-endpoints';
import { DEFAULT_SIGN_IN_TIMEOUT_MS } from '../../core/auth/loopback-listener';
import type { AppRegistration } from '../../core/connection/connection-manager';
import { sandboxRegistration } from '../../core/connection/sandbox-registration';
import { assertAppAllowed } from '../../core/settings/app-locks';
import { createNodeSettingsStore } from '../../core/settings/node-settings';
import { openInSystemBrowser } from '../../core/platform/open-browser';
import { EXIT_CODES, parseOrReportUsage, type CliCommand, type CliContext } from '../command';
import { connectionManagerFor, describeState, NO_KEYCHAIN_EXIT } from './connection-common';
import { readSecret } from './read-secret';
import { DATA_CENTERS } from '../../../common/allowlist';

const usage = `Usage: box-companion connect [--sandbox-url URL | --api-url URL --authorize-url URL --client-id ID]
                             [--port N] [--no-browser] [--timeout SECONDS]

Signs in to Box in the system browser and keeps the tokens in the OS keychain.

  --sandbox-url URL    the apiUrl a running \`box-companion sandbox\` printed (reads the rest from it)
  --api-url URL        Box API base (default https://api.box.com); with --authorize-url and --client-id
  --authorize-url URL  Box's authorize page (default https://account.box.com/api/oauth2/authorize)
  --client-id ID       your Box app's client ID (32 lowercase letters and digits)
  --port N             loopback port your Box app registered (default: any free port)
  --no-browser         print {"authorizeUrl": "..."} as a JSON line and wait, instead of opening a browser
  --timeout SECONDS    give up after this long (default 300)

The client secret is read from the keychain, else $BOX_COMPANION_CLIENT_SECRET, else asked for
on the terminal; never from a flag. Without options, reconnects the app used last time.`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'sandbox-url': { type: 'string' },
      'api-url': { type: 'string' },
      'authorize-url': { type: 'string' },
      'client-id': { type: 'string' },
      port: { type: 'string' },
      'no-browser': { type: 'boolean' },
      timeout: { type: 'string' },
    },
  });
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw new Error('--port must be a whole number from 1 to 65535');
  const timeout = values.timeout === undefined ? DEFAULT_SIGN_IN_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 3600)
    throw new Error('--timeout must be a number of seconds from 1 to 3600');
  if (values['sandbox-url'] && (values['api-url'] || values['client-id'] || values['authorize-url']))
    throw new Error('--sandbox-url replaces --api-url, --authorize-url and --client-id');
  if ((values['api-url'] || values['authorize-url']) && !values['client-id'])
    throw new Error('--client-id is needed with --api-url / --authorize-url');
  return { ...values, port, timeoutMs: timeout * 1000 };
}

async function registration(options: ReturnType<typeof parse>, ctx: CliContext): Promise<AppRegistration | null> {
  if (options['sandbox-url'])
    return { ...(await sandboxRegistration(options['sandbox-url'])), redirectPort: options.port };
  if (!options['client-id']) return null;
  const apiUrl = (options['api-url'] ?? BOX_ENDPOINTS.apiUrl).replace(/\/+$/, '');
  const clientSecret =
    process.env.BOX_COMPANION_CLIENT_SECRET ?? (await readSecret(`Client secret for ${options['client-id']}: `, ctx));
  return {
    endpoints: {
      apiUrl,
      uploadUrl: apiUrl === BOX_ENDPOINTS.apiUrl ? BOX_ENDPOINTS.uploadUrl : `${apiUrl}/api`,
      authorizeUrl: options['authorize-url'] ?? BOX_ENDPOINTS.authorizeUrl,
      tokenUrl: `${apiUrl}/oauth2/token`,
      revokeUrl: `${apiUrl}/oauth2/revoke`,
    },
    clientId: options['client-id'],
    clientSecret,
    target: 'box',
    redirectPort: options.port,
  };
}

/** Where the allowlist step is for the data center chosen in the walkthrough (or each one, when none is). */
export function allowlistPointer(home: string): string {
  const dc = createNodeSettingsStore(home).get().walkthrough.dataCenter;
  const guide = `box-companion guide --dc ${dc ?? DATA_CENTERS.map((d) => d.id).join('|')}`;
  return dc
    ? `The allowlist step for ${dc} is in: ${guide}`
    : `The allowlist step for your data center is in: ${guide}`;
}

const connect: CliCommand = {
  name: 'connect',
  summary: 'Sign in to Box (or a sandbox) in the browser; tokens go to the OS keychain.',
  usage,
  async run(ctx) {
    const options = parseOrReportUsage(ctx, usage, parse);
    if (!options) return EXIT_CODES.usage;
    const manager = await connectionManagerFor(ctx);
    if (!manager) return NO_KEYCHAIN_EXIT;
    try {
      const app = await registration(options, ctx);
      if (app) assertAppAllowed(createNodeSettingsStore(ctx.home), app);
      if (app) await manager.registerApp(app);
      else if (manager.profile()) assertAppAllowed(createNodeSettingsStore(ctx.home), manager.profile()!);
      else {
        ctx.out.error('No Box app is set up yet: give --client-id (your Box app) or --sandbox-url.', 'usage');
        return EXIT_CODES.usage;
      }
    } catch (error) {
      ctx.out.failure(error, { fallback: 'failed' });
      return EXIT_CODES.failed;
    }
    const stop = ctx.stopSignal.then(() => manager.cancel());
    void stop;
    const state = await manager.connect({
      timeoutMs: options.timeoutMs,
      openBrowser: async (url) => {
        if (options['no-browser']) process.stdout.write(JSON.stringify({ authorizeUrl: url }) + '\n');
        else {
          ctx.out.info(`Opening your browser to sign in to Box. If it does not open, visit:\n${url}`);
          await openInSystemBrowser(url);
        }
      },
    });
    if (state.status !== 'connected') {
      const pointer =
        state.status === 'error' && state.action === 'open_allowlist' ? `\n${allowlistPointer(ctx.home)}` : '';
      ctx.out.error(`${describeState(state)}${pointer}`, state.status === 'error' ? state.action : state.status);
      return EXIT_CODES.failed;
    }
    ctx.out.result({ ...state }, describeState(state));
    return EXIT_CODES.ok;
  },
};

export default connect;
