/**
 * The runner's PolicySource over the policy store and the scan store: a policy's matches are
 * the scan store's rows its compiled filter accepts, with each file's facts as the live matcher
 * sees them (policy/file-facts.ts), read on the read-only connection in keyset pages; a file
 * never scanned matches nothing, as in the live count.
 */
import { compileFilter } from '../../../common/policy/match';
import type { Policy, PolicyFileFacts, PolicyFilter } from '../../../common/policy/types';
import { factsOf, SELECT_FACTS, type FactsRow } from '../policy/file-facts';
import { filesMatching } from '../policy/policy-queries';
import type { PolicyStore } from '../policy/policy-store';
import type { ScanStore } from '../scan/store/scan-store';
import { cached } from '../scan/store/statements';
import type { PolicySource } from './policy-source';

export class ScanStorePolicies implements PolicySource {
  constructor(
    private readonly policies: PolicyStore,
    private readonly scan: ScanStore,
    private readonly now: () => number = Date.now,
  ) {}

  policy(id: string): Policy | undefined {
    return this.policies.get(id) ?? undefined;
  }

  /** As the live matcher judges them: a file never scanned (or gone) is no match (policy-queries.ts). */
  matches(policy: Policy): Iterable<PolicyFileFacts> {
    return filesMatching(this.scan.reader(), policy.filter, this.now());
  }

  facts(fileId: string): PolicyFileFacts | undefined {
    const row = cached<FactsRow>(this.scan.reader(), `${SELECT_FACTS} WHERE f.id = ?`).get(fileId);
    return row && factsOf(row);
  }

  ownerId(fileId: string): string | null {
    return this.scan.file(fileId)?.owner_id ?? null;
  }

  matchesFilter(filter: PolicyFilter, facts: PolicyFileFacts): boolean {
    return compileFilter(filter, this.now())(facts);
  }
}
