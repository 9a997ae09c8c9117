import { EXIT_CODES, type CliCommand } from '../command';
import { runOnConnection } from './connection-common';

const disconnect: CliCommand = {
  name: 'disconnect',
  summary: 'Revoke the Box tokens at Box and delete them from the keychain.',
  usage: 'Usage: box-companion disconnect [--json]',
  run: runOnConnection('disconnect', async (ctx, manager) => {
    const { revoked } = await manager.disconnect();
    ctx.out.result(
      { status: 'not_connected', revoked },
      revoked
        ? 'Disconnected: Box revoked the sign-in and the keychain no longer holds it.'
        : 'Disconnected: the keychain no longer holds the sign-in (Box could not be reached to revoke it; it expires on its own).',
    );
    return EXIT_CODES.ok;
  }),
};

export default disconnect;
