/**
 * Admin quarantine: the file is moved (by the admin, as themselves) into its own folder (named
 * by the file's id) in "Admin quarantine" in the admin's own root, which only the admin reaches; a short note is left for the owner where
 * it was, uploaded As-User of the owner (never any of the file's content). Where it came from is
 * remembered BEFORE the move, so a crash between the two loses nothing. Undo, and the
 * restore-from-quarantine action: moved back to that folder, the note removed.
 */
import type { ActionSpec, FileGovernanceState } from '../../../../common/policy/types';
import type { GovernanceAction, GovernanceBox } from '../action';
import { isNotFound } from '../box-calls';
import { OK, ownerOf, skip } from './shared';

type Spec = Extract<ActionSpec, { name: 'quarantine' }>;
type RestoreSpec = Extract<ActionSpec, { name: 'restore-from-quarantine' }>;

const NOTE_SUFFIX = ' was moved to quarantine by your Box administrator.txt';
const MAX_NAME = 255;

/** "<name> was moved to quarantine by your Box administrator.txt", within Box's 255 characters. */
export function noteName(fileName: string): string {
  const room = MAX_NAME - NOTE_SUFFIX.length;
  return `${fileName.length > room ? `${fileName.slice(0, room - 1)}…` : fileName}${NOTE_SUFFIX}`;
}

export function noteText(fileName: string, at: Date): string {
  return [
    `"${fileName}" was moved from this folder into quarantine by your Box administrator on ${at.toISOString().slice(0, 10)}.`,
    '',
    'Its content was not changed and nothing was deleted. Until it is restored, only your Box',
    'administrator can open it. If you need the file, ask your Box administrator to restore it.',
    '',
  ].join('\n');
}

/**
 * Into the file's own folder in the quarantine (so a second file of the same name never
 * clashes); the note first, and where it came from remembered, before the move. A move that
 * did not happen takes the note back (no note without a moved file) and forgets the record.
 */
async function quarantineFile(box: GovernanceBox, before: FileGovernanceState): Promise<FileGovernanceState> {
  const owner = ownerOf(before);
  const folder = await box.quarantineFolderOf(before.fileId);
  const noteId = await box.uploadText(before.parentId, noteName(before.name), noteText(before.name, new Date()), owner);
  await box.rememberQuarantine(
    before.fileId,
    { parentId: before.parentId, parentPath: before.parentPath, ownerId: owner },
    noteId,
    folder.id,
  );
  try {
    await box.moveFile(before.fileId, folder.id, null);
  } catch (e) {
    // Read again: a move whose answer was lost may have happened, and then note and record stay.
    const now = await box.readFile(before.fileId, owner);
    if (now.parentId === folder.id) return now;
    await takeBackNote(box, noteId, owner);
    await box.forgetQuarantine(before.fileId);
    throw e;
  }
  return box.readFile(before.fileId, null);
}

async function takeBackNote(box: GovernanceBox, noteId: string, owner: string): Promise<void> {
  try {
    await box.trashFile(noteId, owner);
  } catch (e) {
    if (!isNotFound(e)) throw e; // the owner removed the note already
  }
}

async function restoreFile(box: GovernanceBox, inQuarantine: FileGovernanceState): Promise<FileGovernanceState> {
  const from = inQuarantine.quarantinedFrom;
  if (!from) throw new Error(`file ${inQuarantine.fileId} is not in quarantine`);
  await box.moveFile(inQuarantine.fileId, from.parentId, null);
  if (inQuarantine.quarantineNoteId) await takeBackNote(box, inQuarantine.quarantineNoteId, from.ownerId);
  await box.forgetQuarantine(inQuarantine.fileId);
  return box.readFile(inQuarantine.fileId, from.ownerId);
}

export const quarantine: GovernanceAction<Spec> = {
  name: 'quarantine',
  describe: (_spec, before) => `Move to the admin quarantine from ${before.parentPath} and leave a note for the owner`,
  applies: (_spec, before) => {
    if (before.trashed) return skip('The file is in the trash');
    if (before.quarantinedFrom) return skip('The file is in quarantine already');
    if (!before.ownerId) return skip('The owner of the file is not known');
    // From a root, moving back would need the owner to reach the quarantine, which only the admin does.
    if (before.parentId === '0') return skip("The file is in its owner's root folder: move it into a folder first");
    return OK;
  },
  apply: (box, _spec, before) => quarantineFile(box, before),
  isApplied: (_spec, _before, now) => !!now.quarantinedFrom,
  undo: (box, _spec, _before, after) => restoreFile(box, after),
};

export const restoreFromQuarantine: GovernanceAction<RestoreSpec> = {
  name: 'restore-from-quarantine',
  describe: (_spec, before) =>
    before.quarantinedFrom
      ? `Move back from the quarantine to ${before.quarantinedFrom.parentPath} and remove the note`
      : 'Move back from the quarantine',
  applies: (_spec, before) => (before.quarantinedFrom ? OK : skip('The file is not in the admin quarantine')),
  apply: (box, _spec, before) => restoreFile(box, before),
  isApplied: (_spec, before, now) =>
    !!before.quarantinedFrom && now.parentId === before.quarantinedFrom.parentId && !now.quarantinedFrom,
  undo: (box, _spec, _before, after) => quarantineFile(box, after),
};
