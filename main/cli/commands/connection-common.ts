/** What the commands on the connection (connect, status, disconnect, test) share. */
import { mkdirSync } from 'node:fs';
import type { ConnectionState } from '../../../common/connection';
import { signInExpiryReminder } from '../../../common/connection';
import { ConnectionManager } from '../../core/connection/connection-manager';
import { KeytarSecretStore } from '../../core/keychain/keytar-store';
import { EXIT_CODES, type CliCommand, type CliContext } from '../command';

export async function connectionManagerFor(ctx: CliContext): Promise<ConnectionManager | null> {
  const secrets = new KeytarSecretStore();
  const status = await secrets.status();
  if (!status.available) {
    ctx.out.error(
      `No keychain is available, so the Box sign-in cannot be kept safely. ${status.reason ?? ''}`,
      'no_keychain',
    );
    return null;
  }
  mkdirSync(ctx.home, { recursive: true, mode: 0o700 });
  return new ConnectionManager(ctx.home, secrets);
}

export const NO_KEYCHAIN_EXIT = EXIT_CODES.unavailable;

/**
 * The `run` of a command that takes no arguments and acts on the connection in the keychain:
 * arguments are a usage error (exit 2), no keychain exits 3, and `act` gets the manager.
 */
export function runOnConnection(
  name: string,
  act: (ctx: CliContext, manager: ConnectionManager) => Promise<number>,
): CliCommand['run'] {
  return async (ctx) => {
    if (ctx.argv.length) {
      ctx.out.error(`${name} takes no arguments (got ${ctx.argv.join(' ')}).`, 'usage');
      return EXIT_CODES.usage;
    }
    const manager = await connectionManagerFor(ctx);
    if (!manager) return NO_KEYCHAIN_EXIT;
    return act(ctx, manager);
  };
}

export function describeState(state: ConnectionState, now = new Date()): string {
  switch (state.status) {
    case 'not_connected':
      return 'Not connected. Run: box-companion connect';
    case 'waiting_for_browser':
      return `Waiting for the browser: finish signing in at ${state.authorizeUrl}`;
    case 'connected': {
      const who = `${state.user.name} <${state.user.login}> (${state.user.role ?? 'role unknown'})`;
      const where = state.enterprise
        ? `enterprise “${state.enterprise.name}” (${state.enterprise.id})`
        : 'no enterprise';
      const reminder = signInExpiryReminder(state.refreshTokenExpiresAt, now);
      return [
        `Connected${state.target === 'sandbox' ? ' to the sandbox enterprise' : ''} as ${who}, ${where}, since ${state.connectedAt}.`,
        `The Box sign-in expires on ${state.refreshTokenExpiresAt.slice(0, 10)} unless the app uses it before then.`,
        ...(reminder ? [reminder] : []),
      ].join('\n');
    }
    case 'reconnect_required':
      return `Reconnect required: ${state.reason}\nRun: box-companion connect`;
    case 'error':
      return `Error: ${state.message}`;
  }
}
