/**
 * The runner's PolicySource over the policy store and the scan store: a policy's matches are
 * the scan store's rows its compiled filter accepts, with each file's facts as the live matcher
 * sees them (policy/file-facts.ts), read on the read-only connection in keyset pages.
 */
import { compileFilter } from '../../../common/policy/match';
import type { Policy, PolicyFileFacts, PolicyFilter } from '../../../common/policy/types';
import { FACT_COLUMNS, factsOf, SELECT_FACTS, type FactsRow } from '../policy/file-facts';
import type { PolicyStore } from '../policy/policy-store';
import type { ScanStore } from '../scan/store/scan-store';
import { cached } from '../scan/store/statements';
import type { PolicySource } from './policy-source';

const PAGE = 2000;

export class ScanStorePolicies implements PolicySource {
  constructor(
    private readonly policies: PolicyStore,
    private readonly scan: ScanStore,
    private readonly now: () => number = Date.now,
  ) {}

  policy(id: string): Policy | undefined {
    return this.policies.get(id) ?? undefined;
  }

  *matches(policy: Policy): Iterable<PolicyFileFacts> {
    const match = compileFilter(policy.filter, this.now());
    const chunk = cached<FactsRow & { row: number }>(
      this.scan.reader(),
      `SELECT f.rowid AS row, ${FACT_COLUMNS} FROM files f LEFT JOIN folders d ON d.id = f.folder_id
        WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`,
    );
    for (let after = 0; ;) {
      const rows = chunk.all(after, PAGE);
      for (const r of rows) {
        const facts = factsOf(r);
        if (facts.status !== 'gone' && match(facts)) yield facts;
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.row;
    }
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
