/**
 * What the runner needs of policies: the policy itself, the files it matches now (from the
 * scan store), one file's facts, and the filter test used again on the fresh state read from
 * Box just before a change. The policy helper's store and matcher provide it.
 */
import type { Policy, PolicyFileFacts, PolicyFilter } from '../../../common/policy/types';

export interface PolicySource {
  policy(id: string): Policy | undefined;
  /** Every file the policy matches now, in the scan store. */
  matches(policy: Policy): Iterable<PolicyFileFacts>;
  /** One file's facts from the scan store (its findings), or undefined when not in it. */
  facts(fileId: string): PolicyFileFacts | undefined;
  matchesFilter(filter: PolicyFilter, facts: PolicyFileFacts): boolean;
  /** The owner's Box user id (an admin reads and changes a user's file As-User of its owner). */
  ownerId(fileId: string): string | null;
}
