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

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; up(db: Database): void }> = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'retries', up: retries },
  { version: 3, name: 'counters', up: counters },
  { version: 4, name: 'owner-counts', up: ownerCounts },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class UnknownSchemaError extends CodedError {
  constructor(readonly version: number) {
    super('store_too_new', `scan.sqlite has schema version ${version}, newer than this app knows (${SCHEMA_VERSION}): update the app, or move the file away to start afresh`);
  }
}

/** Brings the store to `target` (default: the latest); returns the versions applied. */
export function migrate(db: Database, target = SCHEMA_VERSION): number[] {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION) throw new UnknownSchemaError(from);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
