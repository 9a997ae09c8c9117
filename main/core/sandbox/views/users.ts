/** JSON for users. `role` and `enterprise` appear only when asked for, as in Box. */
import type { World } from '../state/world';
import { isoTime } from './common';

export const USER_STANDARD = [
  'type',
  'id',
  'name',
  'login',
  'created_at',
  'modified_at',
  'language',
  'timezone',
  'space_amount',
  'space_used',
  'max_upload_size',
  'status',
  'job_title',
  'phone',
  'address',
  'avatar_url',
  'notification_email',
] as const;

export function userJson(w: World, i: number, fields: Set<string> | null): Record<string, unknown> {
  const u = w.ent.users[i];
  if (!u) return {};
  const member = w.settings.hasEnterprise && !u.external;
  const p: Record<string, () => unknown> = {
    type: () => 'user',
    id: () => u.id,
    name: () => u.name,
    login: () => u.login,
    created_at: () => isoTime(u.createdAt),
    modified_at: () => isoTime(u.createdAt + 86_400_000),
    language: () => 'en',
    timezone: () => u.timezone,
    space_amount: () => (member ? 999_999_999_999_999 : 10_737_418_240),
    space_used: () => u.spaceUsed,
    max_upload_size: () => (member ? 5_368_709_120 : 262_144_000),
    status: () => 'active',
    job_title: () => u.jobTitle,
    phone: () => u.phone,
    address: () => '',
    avatar_url: () => `https://app.box.com/api/avatar/large/${u.id}`,
    notification_email: () => null,
    role: () => w.roleOf(i),
    enterprise: () => (member ? { type: 'enterprise', id: w.ent.identity.id, name: w.ent.identity.name } : null),
    tracking_codes: () => [],
    can_see_managed_users: () => member && w.roleOf(i) !== 'user',
    is_sync_enabled: () => true,
    is_external_collab_restricted: () => false,
    is_exempt_from_device_limits: () => false,
    is_exempt_from_login_verification: () => false,
    my_tags: () => [],
    hostname: () => (member ? `https://${w.ent.identity.slug}.app.box.com/` : 'https://app.box.com/'),
    is_platform_access_only: () => false,
  };
  const names = fields ? ['type', 'id', ...[...fields].filter((f) => f !== 'type' && f !== 'id')] : USER_STANDARD;
  const out: Record<string, unknown> = {};
  for (const k of names) {
    const make = p[k];
    if (make) out[k] = make();
  }
  return out;
}
