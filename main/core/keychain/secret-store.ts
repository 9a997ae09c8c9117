/**
 * The only place secrets (Box client secret, access and refresh tokens) are kept: the OS
 * keychain. There is deliberately no file-based fallback: when no keychain is available the
 * caller is told so and must refuse to store the secret.
 */
import type { KeychainStatus } from '../../../common/bridge/contract';
import { CodedError } from '../../../common/errors/error-codes';

export interface SecretStore {
  /** Whether the keychain can be used right now, and why not. Only an available answer is cached. */
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  /** Throws KeychainUnavailableError when there is no keychain; never writes anywhere else. */
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export class KeychainUnavailableError extends CodedError {
  constructor(reason: string) {
    super('keychain_unavailable', `No keychain is available, so nothing secret was stored. ${reason}`);
    this.name = 'KeychainUnavailableError';
  }
}

export const DEFAULT_KEYCHAIN_SERVICE = 'box-connect-companion';

/** Tests set BOX_COMPANION_KEYCHAIN_SERVICE so they never touch a real user's entries. */
export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.BOX_COMPANION_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE;
}
