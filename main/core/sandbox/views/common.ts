/** Small JSON shapes shared by several views. */
import type { World } from '../state/world';
import { isoTime } from '../http/context';
import type { GeneratedLink } from '../generator/files';

export function userMini(w: World, i: number): Record<string, unknown> {
  const u = w.ent.users[i];
  return { type: 'user', id: u?.id ?? '', name: u?.name ?? '', login: u?.login ?? '' };
}

export function userCollab(w: World, i: number): Record<string, unknown> {
  return { ...userMini(w, i), is_active: true };
}

export const ROOT_MINI = { type: 'folder', id: '0', sequence_id: null, etag: null, name: 'All Files' } as const;

export function sharedLinkView(
  w: World,
  link: GeneratedLink | null,
  ext: string | null,
): Record<string, unknown> | null {
  if (!link) return null;
  const host = `https://${w.ent.identity.slug}.app.box.com`;
  return {
    url: `${host}/s/${link.token}`,
    download_url: ext ? `${host}/shared/static/${link.token}.${ext}` : null,
    vanity_url: null,
    vanity_name: null,
    effective_access: link.effectiveAccess,
    effective_permission: link.canDownload === false ? 'can_preview' : 'can_download',
    is_password_enabled: link.passwordEnabled,
    unshared_at: link.unsharedAt ? isoTime(link.unsharedAt) : null,
    download_count: link.downloadCount,
    preview_count: link.previewCount,
    access: link.access,
    permissions: { can_download: link.canDownload !== false, can_preview: true, can_edit: link.canEdit === true },
  };
}

export { isoTime };
