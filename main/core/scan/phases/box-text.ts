/**
 * Box's own text for a file: its extracted_text representation (../shared/box-api.md "Text
 * representation"). One call says the state: `success` → GET the content (url_template with
 * {+asset_path} = ''), `none` → GET info.url to have Box make it, then it is pending like
 * `pending`, `error` → the file is Failed with what Box says. Errors about the file (403, 404)
 * end its inspection; a lost sign-in or an outage goes up to the engine.
 */
import type { InspectionReason } from '../../../../common/scan/inspection';
import { MAX_INSPECT_BYTES } from '../../../../common/scan/priority';
import type { BoxApi } from '../box-api';
import { BoxApiError } from '../box-api';
import type { FileRow } from '../store/scan-store';

export type BoxTextAnswer =
  { kind: 'text'; bytes: Buffer } | { kind: 'pending' } | { kind: 'failed'; reason: InspectionReason };

interface Representation {
  representation?: string;
  info?: { url?: string };
  status?: { state?: string; code?: string };
  content?: { url_template?: string };
}

/** Box's calls and bytes for content, for the scan summary (API calls and bytes per 1,000 files). */
export interface ContentStats {
  downloads: number;
  representationCalls: number;
  bytesDownloaded: number;
}

/** What Box's refusal of a request about the file means for its inspection; null: not about the file. */
export function refusalReason(e: unknown): InspectionReason | null {
  if (!(e instanceof BoxApiError)) return null;
  if (e.status === 413) return 'too-large';
  if (e.status === 403) return 'access-denied';
  if (e.status === 404 || e.status === 410) return 'deleted';
  if (e.status === 401 || e.status === 429 || e.status >= 500) return null;
  return 'download-error';
}

const INFO_MAX_BYTES = 1024 * 1024;

function boxErrorReason(code: string | undefined): InspectionReason {
  return code === 'error_password_protected' ? 'encrypted' : 'unsupported';
}

export async function boxText(api: BoxApi, f: FileRow, stats: ContentStats): Promise<BoxTextAnswer> {
  const call = async <T>(run: () => Promise<T>): Promise<T | { kind: 'failed'; reason: InspectionReason }> => {
    stats.representationCalls++;
    try {
      return await run();
    } catch (e) {
      const reason = refusalReason(e);
      if (reason === null) throw e;
      return { kind: 'failed', reason };
    }
  };
  const file = await call(() =>
    api.get<{ representations?: { entries?: Representation[] } }>(`/files/${f.id}?fields=representations`, {
      asUser: f.as_user,
      kind: 'representation',
      headers: { 'x-rep-hints': '[extracted_text]' },
    }),
  );
  if ('kind' in file) return file;
  const rep = file.representations?.entries?.find((r) => r.representation === 'extracted_text');
  const state = rep?.status?.state;
  if (!rep || state === undefined) return { kind: 'failed', reason: 'unsupported' };
  if (state === 'error') return { kind: 'failed', reason: boxErrorReason(rep.status?.code) };
  if (state === 'pending') return { kind: 'pending' };
  if (state === 'none') {
    const infoUrl = rep.info?.url;
    if (!infoUrl) return { kind: 'failed', reason: 'unsupported' };
    // Asking for the info is what makes Box generate the text; its answer is not needed.
    const asked = await call(() => api.fetchBytes(infoUrl, f.as_user, INFO_MAX_BYTES, 'representation'));
    return Buffer.isBuffer(asked) ? { kind: 'pending' } : asked;
  }
  const template = rep.content?.url_template;
  if (!template) return { kind: 'failed', reason: 'unsupported' };
  const bytes = await call(() =>
    api.fetchBytes(template.replace('{+asset_path}', ''), f.as_user, MAX_INSPECT_BYTES, 'representation'),
  );
  if (!Buffer.isBuffer(bytes)) return bytes;
  stats.bytesDownloaded += bytes.length;
  return { kind: 'text', bytes };
}
