/**
 * Which admin events move a file to the front of the scan queue. Content and sharing changes
 * do; read-only events (previews, downloads, opens, syncs) never do. Box has no print event.
 * An unknown type moves nothing: the periodic rescan still covers it. Runs everywhere.
 */
export const CONTENT_OR_SHARING_EVENTS = new Set([
  'UPLOAD',
  'EDIT',
  'ITEM_MODIFY',
  'COPY',
  'MOVE',
  'RENAME',
  'UNDELETE',
  'FILE_VERSION_RESTORE',
  'SHARE',
  'ITEM_SHARED_UPDATE',
  'UNSHARE',
  'SHARED_LINK_SEND',
  'COLLABORATION_INVITE',
  'COLLABORATION_ACCEPT',
  'COLLABORATION_REMOVE',
  'COLLABORATION_ROLE_CHANGE',
  'CHANGE_FOLDER_PERMISSION',
  'DELETE',
]);
export const READ_ONLY_EVENTS = new Set([
  'PREVIEW',
  'DOWNLOAD',
  'FILE_WATERMARKED_DOWNLOAD',
  'ITEM_OPEN',
  'CONTENT_ACCESS',
  'ITEM_SYNC',
]);

export function eventMovesFile(eventType: string): boolean {
  return CONTENT_OR_SHARING_EVENTS.has(eventType);
}

/**
 * Events on a FOLDER that change who can reach everything beneath it: its collaborations and
 * its shared link. They move every file under the folder (at any depth). Content events on a
 * folder (upload into it, rename, copy) name their files in events of their own, and sending
 * a link (SHARED_LINK_SEND) changes no access: neither moves the subtree, so a big folder is
 * not re-queued for nothing.
 */
export const FOLDER_SHARING_EVENTS = new Set([
  'SHARE',
  'ITEM_SHARED_UPDATE',
  'UNSHARE',
  'COLLABORATION_INVITE',
  'COLLABORATION_ACCEPT',
  'COLLABORATION_REMOVE',
  'COLLABORATION_ROLE_CHANGE',
  'CHANGE_FOLDER_PERMISSION',
]);

export function eventMovesFolder(eventType: string): boolean {
  return FOLDER_SHARING_EVENTS.has(eventType);
}

/** Whether an event with this source moves anything to the front of the queue. */
export function eventMovesItems(itemType: string | null | undefined, eventType: string): boolean {
  if (itemType === 'file') return eventMovesFile(eventType);
  if (itemType === 'folder') return eventMovesFolder(eventType);
  return false;
}

/** A queue priority's name; its stored number is `Priority` in ./states (one shape each). */
export type QueuePriority = 'activity' | 'regular' | 'periodic';

/** Inspection: which files have text worth reading, and the limits. */
export const TEXT_EXTENSIONS = new Set([
  'txt',
  'csv',
  'tsv',
  'md',
  'json',
  'eml',
  'log',
  'xml',
  'html',
  'htm',
  'yaml',
  'yml',
  'ini',
  'rtf',
]);
export const NO_TEXT_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'bmp',
  'heic',
  'mp4',
  'mov',
  'avi',
  'mp3',
  'wav',
  'm4a',
]);
export const MAX_INSPECT_BYTES = 30 * 1024 * 1024;
export const MAX_INSPECT_CHARS = 1_000_000;
