/**
 * Where the runner meets the actions: the GovernanceBox over a connection's client and the
 * scheduler (BoxGovernance), and the action for each name (actions/index.ts).
 */
import type { BoxClient } from 'box-node-sdk';
import type { ActionName } from '../../../common/policy/types';
import type { RequestScheduler } from '../scan/scheduler';
import type { GovernanceAction, GovernanceBox } from './action';
import { ACTIONS } from './actions';
import { BoxGovernance } from './box-governance';

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

export const defaultWiring: GovernanceWiring = async (o) => ({
  box: await BoxGovernance.open(o.client, o.scheduler, { home: o.home, isMember: o.isMember }),
  actionFor: (name) => ACTIONS[name] as GovernanceAction,
});
