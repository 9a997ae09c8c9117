import type { ManagedSettingsInfo } from '../../../common/settings-locks';
import { createNodeSettingsStore } from '../../core/settings/node-settings';
import { EXIT_CODES, type CliCommand } from '../command';
import { describeState, runOnConnection } from './connection-common';

const status: CliCommand = {
  name: 'status',
  summary: 'Show the connection: as whom, which enterprise, since when, when the sign-in expires.',
  usage:
    'Usage: box-companion status [--json]\n\nAlso says which settings your organisation set (its managed settings file, and\nwhy that file could not be used). `--json`: the connection, plus\n"managed": {"path", "keys", "problem"}.\n\nExit code 0 when connected, 1 otherwise (not connected, reconnect required).',
  run: runOnConnection('status', async (ctx, manager) => {
    const state = await manager.state();
    const managed = createNodeSettingsStore(ctx.home).managed();
    ctx.out.result({ ...state, managed }, `${describeState(state)}\n${describeManaged(managed)}`);
    return state.status === 'connected' ? EXIT_CODES.ok : EXIT_CODES.failed;
  }),
};

/** One line on the organisation's settings: which it set, or why its file was not used. */
export function describeManaged(managed: ManagedSettingsInfo): string {
  if (managed.problem)
    return `Your organisation's settings file could not be used, so the app uses its defaults: ${managed.problem.message}`;
  if (!managed.keys.length) return `No settings are set by your organisation (none in ${managed.path}).`;
  return `Set by your organisation (${managed.path}): ${managed.keys.join(', ')}.`;
}

export default status;
