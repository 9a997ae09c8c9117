/**
 * Which reader a file's extension asks for, and which extensions hold no text at all (images,
 * audio, video: Not applicable). The content still decides: see sniff.ts. Runs in the extractor process.
 */
export type DocumentFormat = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'zip' | 'eml' | 'text' | 'html';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  dotx: 'docx',
  dotm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xltx: 'xlsx',
  xltm: 'xlsx',
  pptx: 'pptx',
  pptm: 'pptx',
  potx: 'pptx',
  potm: 'pptx',
  odt: 'odt',
  ott: 'odt',
  ods: 'ods',
  ots: 'ods',
  odp: 'odp',
  otp: 'odp',
  zip: 'zip',
  eml: 'eml',
  txt: 'text',
  csv: 'text',
  tsv: 'text',
  md: 'text',
  json: 'text',
  log: 'text',
  xml: 'text',
  html: 'html',
  htm: 'html',
};

const NO_TEXT = new Set(
  'jpg jpeg png gif bmp tif tiff webp heic heif ico svg psd raw cr2 nef mp3 wav aac flac m4a ogg oga wma aiff mp4 m4v mov avi mkv webm wmv flv mpg mpeg 3gp'.split(
    ' ',
  ),
);

export function formatOfExtension(ext: string): DocumentFormat | null {
  return BY_EXTENSION[ext.toLowerCase()] ?? null;
}

export function holdsNoText(ext: string): boolean {
  return NO_TEXT.has(ext.toLowerCase());
}

/** The lower-case extension of a file name or archive path ("" when none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** An archive entry or attachment worth inflating: one we have a reader for. */
export function readableName(name: string): boolean {
  return formatOfExtension(extensionOf(name)) !== null;
}
