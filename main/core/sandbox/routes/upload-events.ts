/**
 * Uploads as Box's admin events show them: each new file, new version and new folder is an
 * `UPLOAD` event in the live log that admin_logs and admin_logs_streaming both serve.
 */
import { randomBytes } from 'node:crypto';
import type { CurrentFile, World } from '../state/world';
import { fileVersionId } from '../views/items';

/** An UPLOAD admin event for a new file or version (file) or a new folder (folder index). */
export function logUpload(w: World, item: CurrentFile | { folder: number }, actor: number): void {
  const file = 'gen' in item ? item : null;
  w.appendEvent({
    eventId: `${randomBytes(4).toString('hex')}-upl-${w.live.length.toString(16)}-${randomBytes(6).toString('hex')}`,
    type: 'UPLOAD',
    actor,
    file: file ? file.gen.k : -1,
    folder: file ? -1 : (item as { folder: number }).folder,
    ip: '10.0.0.1',
    details: file ? { version_id: fileVersionId(file), size: file.bytes().size } : null,
  });
}
