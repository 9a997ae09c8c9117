/** Every `box-companion` command, in the order --help lists them. Add new commands here. */
import type { CliCommand } from '../command';
import actions from './actions';
import connect from './connect';
import diagnostics from './diagnostics';
import doctor from './doctor';
import disconnect from './disconnect';
import findings from './findings';
import guide from './guide';
import policy from './policy';
import sandbox from './sandbox';
import scan from './scan';
import status from './status';
import supportCode from './support-code';
import test from './test';
import undo from './undo';
import version from './version';

export const COMMANDS: readonly CliCommand[] = [
  version,
  guide,
  sandbox,
  connect,
  status,
  test,
  diagnostics,
  supportCode,
  disconnect,
  scan,
  findings,
  policy,
  actions,
  undo,
  doctor,
];
