import { EXIT_CODES, type CliCommand } from '../command';
import { connectionManagerFor, describeState, NO_KEYCHAIN_EXIT } from './connection-common';

const status: CliCommand = {
  name: 'status',
  summary: 'Show the connection: as whom, which enterprise, since when, when the sign-in expires.',
  usage: 'Usage: box-companion status [--json]\n\nExit code 0 when connected, 1 otherwise (not connected, reconnect required).',
  async run(ctx) {
    if (ctx.argv.length) {
      ctx.out.error(`status takes no arguments (got ${ctx.argv.join(' ')}).`, 'usage');
      return EXIT_CODES.usage;
    }
    const manager = await connectionManagerFor(ctx);
    if (!manager) return NO_KEYCHAIN_EXIT;
    const state = await manager.state();
    ctx.out.result({ ...state }, describeState(state));
    return state.status === 'connected' ? EXIT_CODES.ok : EXIT_CODES.failed;
  },
};

export default status;
