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

/** Plain text: read as it is (by the extractor, like every other local type). */
export const PLAIN_TEXT_EXTENSIONS = new Set([
  'txt',
  'csv',
  'tsv',
  'md',
  'json',
  'log',
  'xml',
  'html',
  'htm',
  'yaml',
  'yml',
  'ini',
]);

/**
 * Read locally (one download, then the extractor process): PDF, OOXML with its macro and
 * template variants, OpenDocument (and its templates), ZIP, mail, plain text.
 */
export const LOCAL_EXTENSIONS = new Set([
  ...PLAIN_TEXT_EXTENSIONS,
  'pdf',
  'docx',
  'docm',
  'dotx',
  'dotm',
  'xlsx',
  'xlsm',
  'xltx',
  'xltm',
  'pptx',
  'pptm',
  'potx',
  'potm',
  'ppsx',
  'ppsm',
  'odt',
  'ods',
  'odp',
  'ott',
  'ots',
  'otp',
  'zip',
  'eml',
]);

/**
 * Read through Box's extracted_text representation: formats no maintained JS parser reads
 * safely (legacy Office binaries, RTF, Outlook mail, WordPerfect) and Box/Google native files.
 */
export const BOX_TEXT_EXTENSIONS = new Set([
  'doc',
  'dot',
  'xls',
  'xlt',
  'ppt',
  'pps',
  'pot',
  'rtf',
  'msg',
  'wpd',
  'boxnote',
  'boxcanvas',
  'gdoc',
  'gsheet',
  'gslides',
  'gslide',
]);

/**
 * Local types Box also extracts text from (its documented list): when local extraction fails
 * as corrupted, timed out or internal, Box's text is tried before the file is Failed. Zip and
 * eml are not on Box's list.
 */
export const BOX_TEXT_FALLBACK_EXTENSIONS = new Set([
  ...PLAIN_TEXT_EXTENSIONS,
  'pdf',
  'docx',
  'docm',
  'xlsx',
  'xlsm',
  'pptx',
  'pptm',
  'odt',
  'ods',
  'odp',
]);

/** No text to read: Not applicable (Box does no OCR either). */
export const NO_TEXT_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'bmp',
  'tif',
  'tiff',
  'webp',
  'svg',
  'heic',
  'mp4',
  'mov',
  'avi',
  'mkv',
  'webm',
  'wmv',
  'mp3',
  'wav',
  'm4a',
  'aac',
  'flac',
  'ogg',
]);
export const MAX_INSPECT_BYTES = 30 * 1024 * 1024;
export const MAX_INSPECT_CHARS = 1_000_000;
