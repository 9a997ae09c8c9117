/**
 * governance.sqlite's numbered migrations, as the scan store's (PRAGMA user_version, one
 * transaction each, taken under the write lock; a file newer than this app is refused).
 */
import type { Database } from 'better-sqlite3';
import { CodedError } from '../../../../common/errors/error-codes';
import { up as initial } from './0001-initial';
import { up as undoesIndex } from './0002-undoes-index';
import { up as quarantine } from './0003-quarantine';

export const AUDIT_MIGRATIONS: ReadonlyArray<{ version: number; up(db: Database): void }> = [
  { version: 1, up: initial },
  { version: 2, up: undoesIndex },
  { version: 3, up: quarantine },
];
export const AUDIT_SCHEMA_VERSION = AUDIT_MIGRATIONS[AUDIT_MIGRATIONS.length - 1]!.version;

export function migrateAudit(db: Database): void {
  for (const m of AUDIT_MIGRATIONS) {
    db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > AUDIT_SCHEMA_VERSION)
        throw new CodedError('store_too_new', `governance.sqlite has schema version ${current}: update the app`);
      if (m.version <= current) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
