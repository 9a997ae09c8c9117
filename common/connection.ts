/**
 * The connection's state, the same in the UI header, the Connect screen and `box-companion
 * status`. Runs everywhere (no Node, no DOM).
 */
export type BoxRole = 'admin' | 'coadmin' | 'user';

export interface ConnectedAccount {
  user: { id: string; name: string; login: string; role: BoxRole | null };
  enterprise: { id: string; name: string } | null;
  /** 'sandbox' when signed in to the built-in sandbox enterprise. */
  target: 'box' | 'sandbox';
  apiUrl: string;
  clientId: string;
  /** ISO times. */
  connectedAt: string;
}

export type ConnectionState =
  | { status: 'not_connected' }
  | { status: 'waiting_for_browser'; authorizeUrl: string; redirectUri: string; timeoutAt: string }
  | (ConnectedAccount & { status: 'connected'; accessTokenExpiresAt: string; refreshTokenExpiresAt: string })
  | { status: 'reconnect_required'; reason: string; account: ConnectedAccount | null }
  | { status: 'error'; message: string; action: 'retry' | 'open_allowlist' | 'check_credentials' | 'install_keychain' };

/** Days before the refresh token's expiry at which the app starts reminding the admin. */
export const SIGN_IN_REMINDER_DAYS = 14;

export function signInExpiryReminder(refreshTokenExpiresAt: string, now: Date): string | null {
  const msLeft = new Date(refreshTokenExpiresAt).getTime() - now.getTime();
  const days = Math.floor(msLeft / 86_400_000);
  if (days > SIGN_IN_REMINDER_DAYS) return null;
  const date = refreshTokenExpiresAt.slice(0, 10);
  return days <= 0
    ? `The Box sign-in expires today (${date}): reconnect now to keep scanning.`
    : `The Box sign-in expires on ${date} (in ${days} day${days === 1 ? '' : 's'}): reconnect before then.`;
}
