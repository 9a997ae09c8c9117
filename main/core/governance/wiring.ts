/**
 * Where the runner meets the actions: the GovernanceBox over a connection's client and the
 * scheduler, and the action for each name (main/core/governance/actions/).
 * TODO(#17, w-actions): replaced by the actions helper's box and registry when they land.
 */
import type { BoxClient } from 'box-node-sdk';
import { CodedError } from '../../../common/errors/error-codes';
import type { ActionName } from '../../../common/policy/types';
import type { RequestScheduler } from '../scan/scheduler';
import type { GovernanceAction, GovernanceBox } from './action';

export interface GovernanceParts {
  box: GovernanceBox;
  actionFor(name: ActionName): GovernanceAction;
}

export type GovernanceWiring = (o: {
  client: BoxClient;
  scheduler: RequestScheduler;
  home: string;
  /** The scan's member list: a Box user id of the enterprise is internal whatever its domain. */
  isMember(userId: string): boolean;
}) => Promise<GovernanceParts>;

export const defaultWiring: GovernanceWiring = () => {
  throw new CodedError('internal', 'Governance actions are not built yet.');
};
