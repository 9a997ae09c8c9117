import { EXIT_CODES, type CliCommand } from '../command';
import { describeState, runOnConnection } from './connection-common';

const status: CliCommand = {
  name: 'status',
  summary: 'Show the connection: as whom, which enterprise, since when, when the sign-in expires.',
  usage:
    'Usage: box-companion status [--json]\n\nExit code 0 when connected, 1 otherwise (not connected, reconnect required).',
  run: runOnConnection('status', async (ctx, manager) => {
    const state = await manager.state();
    ctx.out.result({ ...state }, describeState(state));
    return state.status === 'connected' ? EXIT_CODES.ok : EXIT_CODES.failed;
  }),
};

export default status;
