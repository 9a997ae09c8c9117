/**
 * What the app remembers about its connection between runs, outside the keychain because none
 * of it is secret: where it connects, as whom, since when, and why a reconnect is needed.
 * Tokens and the client secret are never here (they live in the keychain only).
 */
import Conf from 'conf';
import type { ConnectedAccount } from '../../../common/connection';
import type { BoxEndpoints } from '../auth/box-endpoints';

export interface ConnectionProfile {
  endpoints: BoxEndpoints;
  clientId: string;
  target: 'box' | 'sandbox';
  /** The fixed loopback port the admin's Box app registered, or null for any port. */
  redirectPort: number | null;
  account: ConnectedAccount | null;
  reconnectReason: string | null;
}

export class ProfileStore {
  private readonly conf: Conf<{ profile: ConnectionProfile | null }>;

  constructor(home: string) {
    this.conf = new Conf<{ profile: ConnectionProfile | null }>({
      cwd: home,
      configName: 'connection',
      projectName: 'box-connect-companion',
      defaults: { profile: null },
      clearInvalidConfig: true,
    });
  }

  get(): ConnectionProfile | null {
    return this.conf.get('profile');
  }

  set(profile: ConnectionProfile | null): void {
    this.conf.set('profile', profile);
  }

  update(patch: Partial<ConnectionProfile>): ConnectionProfile | null {
    const current = this.get();
    if (!current) return null;
    const next = { ...current, ...patch };
    this.set(next);
    return next;
  }
}
