/**
 * Migration 9: live matching sees the facts that live outside the files table (issue 17
 * review). A membership added, removed or renamed (`user_groups`) queues in `policy_dirty`
 * every file its user owns, and a folder whose path changes queues the files in it (a renamed
 * parent changes each subfolder's row, each queuing its own files): a group filter or a path
 * prefix is judged again. Files still queued are left out, as in migration 8. The scan writes
 * only the memberships that changed (ScanStore.replaceUserGroups), so reading the same groups
 * again queues nothing. `files_owner` makes the owner's files a lookup.
 * Frozen: a later change is a new migration, never an edit here.
 */
import type { Database } from 'better-sqlite3';
import { FileState } from '../../../../../common/scan/states';

/** The files matching `where` not queued already (nor waiting for their scan). */
const queueFiles = (where: string) =>
  `INSERT INTO policy_dirty(file_id) SELECT f.id FROM files f WHERE ${where} AND f.state != ${FileState.queued}
    AND NOT EXISTS (SELECT 1 FROM policy_dirty p WHERE p.file_id = f.id);`;

export function up(db: Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS files_owner ON files(owner_id);
    CREATE TRIGGER user_groups_policy_insert AFTER INSERT ON user_groups BEGIN ${queueFiles('f.owner_id = NEW.user_id')} END;
    CREATE TRIGGER user_groups_policy_delete AFTER DELETE ON user_groups BEGIN ${queueFiles('f.owner_id = OLD.user_id')} END;
    CREATE TRIGGER user_groups_policy_update AFTER UPDATE OF group_name, user_id ON user_groups
      WHEN OLD.group_name IS NOT NEW.group_name OR OLD.user_id IS NOT NEW.user_id
      BEGIN ${queueFiles('f.owner_id IN (OLD.user_id, NEW.user_id)')} END;
    CREATE TRIGGER folders_policy_path AFTER UPDATE OF path ON folders WHEN OLD.path IS NOT NEW.path
      BEGIN ${queueFiles('f.folder_id = NEW.id')} END;
  `);
}
