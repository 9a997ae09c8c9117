/**
 * The numbered schema migrations, applied in order inside one transaction each; the schema
 * version is `PRAGMA user_version`. A store from the last release (version 0, tables present)
 * takes migration 1 as-is: it is written to accept that schema. A store newer than this app
 * is refused rather than guessed at.
 */
import type { Database } from 'better-sqlite3';
import { CodedError } from '../../../../../common/errors/error-codes';
import { up as initial } from './0001-initial';
import { up as retries } from './0002-retries';
import { up as counters } from './0003-counters';
import { up as ownerCounts } from './0004-owner-counts';
import { up as givenUp } from './0005-given-up';
import { up as content } from './0006-content';
import { up as policyFacts } from './0007-policy-facts';
import { up as policyMatches } from './0008-policy-matches';
import { up as policyDirtyGroupsPaths } from './0009-policy-dirty-groups-paths';

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; up(db: Database): void }> = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'retries', up: retries },
  { version: 3, name: 'counters', up: counters },
  { version: 4, name: 'owner-counts', up: ownerCounts },
  { version: 5, name: 'given-up', up: givenUp },
  { version: 6, name: 'content', up: content },
  { version: 7, name: 'policy-facts', up: policyFacts },
  { version: 8, name: 'policy-matches', up: policyMatches },
  { version: 9, name: 'policy-dirty-groups-paths', up: policyDirtyGroupsPaths },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class UnknownSchemaError extends CodedError {
  constructor(readonly version: number) {
    super(
      'store_too_new',
      `scan.sqlite has schema version ${version}, newer than this app knows (${SCHEMA_VERSION}): update the app, or move the file away to start afresh`,
    );
  }
}

/**
 * Brings the store to `target` (default: the latest); returns the versions applied. Each step
 * takes the write lock first (BEGIN IMMEDIATE) and reads the version again under it: another
 * process (the app and the CLI opening an old store together) may have migrated meanwhile, and
 * applying a migration twice fails ("duplicate column").
 */
export function migrate(db: Database, target = SCHEMA_VERSION): number[] {
  const seen = schemaVersion(db); // a glance without the lock: an up-to-date store takes none
  if (seen > SCHEMA_VERSION) throw new UnknownSchemaError(seen);
  const applied: number[] = [];
  if (seen >= target) return applied;
  for (const m of MIGRATIONS) {
    if (m.version > target) break;
    const ran = db
      .transaction(() => {
        const current = schemaVersion(db);
        if (current > SCHEMA_VERSION) throw new UnknownSchemaError(current);
        if (m.version <= current) return false;
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
