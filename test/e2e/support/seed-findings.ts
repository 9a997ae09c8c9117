/**
 * A scan store with N findings, written through the real store (real SQLite, the engine's own
 * schema) for tests that need more files than a test can scan in time (a million). The rows
 * look like scanned files: spread over access levels, owners and content states.
 */
import { ACCESS_LEVELS } from '../../../common/scan/access-level';
import { scanDbPath } from '../../../main/core/scan/engine';
import { openRawScanDb } from '../../helpers/raw-scan-db';
import { createNodeSettingsStore } from '../../../main/core/settings/node-settings';

export function seedFindings(home: string, files: number): void {
  const db = openRawScanDb(scanDbPath(home));
  try {
    db.prepare(
      "INSERT INTO folders(id, name, path, owner_id, state, seq) VALUES ('1', 'Shared', '/Shared', '10', 1, 0)",
    ).run();
    const insert = db.prepare(
      `INSERT INTO files(id, name, ext, folder_id, owner_id, owner_login, state, priority, seq, access_level, ext_collaborators, inspection, findings, sensitive, scanned_at, scan_count)
       VALUES (?, ?, 'txt', '1', ?, ?, 1, 1, ?, ?, ?, 'Completed', ?, ?, ?, 1)`,
    );
    const now = Date.now();
    db.transaction(() => {
      for (let i = 0; i < files; i++) {
        const level = ACCESS_LEVELS[i % ACCESS_LEVELS.length]!;
        const owner = i % 97;
        const cards = i % 13 === 0 ? 1 : 0;
        insert.run(
          String(100_000_000 + i),
          `file-${String(i).padStart(7, '0')}.txt`,
          String(10 + owner),
          `user${owner}@example.com`,
          i,
          level,
          level === 'External' ? JSON.stringify([`partner${i % 7}@outside.example`]) : '[]',
          JSON.stringify({ card: cards, iban: 0, ssn: 0, nino: 0, email: 0 }),
          cards,
          now - i,
        );
      }
    })();
  } finally {
    db.close();
  }
  // A returning user: the app opens on the dashboard.
  createNodeSettingsStore(home).update({ firstRun: { done: true, step: 'scan' } });
}
