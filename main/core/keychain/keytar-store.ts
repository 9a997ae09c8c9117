/**
 * SecretStore backed by keytar: macOS Keychain, Windows Credential Manager, and on Linux the
 * Secret Service (GNOME Keyring, KWallet) over D-Bus.
 */
import { createRequire } from 'node:module';
import type { KeychainStatus } from '../../../common/bridge/contract';
import { KeychainUnavailableError, keychainServiceName, type SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

const PROBE_TIMEOUT_MS = 5_000;

function loadKeytar(): Keytar {
  // keytar is a native CommonJS module; loading it lazily lets the CLI's --help work even where
  // it failed to build, and the failure becomes a plain "unavailable" status instead of a crash.
  return createRequire(import.meta.url)('keytar') as Keytar;
}

export function explainKeychainFailure(error: unknown, platform: NodeJS.Platform = process.platform): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (platform === 'linux') {
    return (
      'On Linux the keychain is the Secret Service: start GNOME Keyring or KWallet in your desktop ' +
      `session (over D-Bus) and unlock it, then try again. (${detail})`
    );
  }
  return `The system keychain did not answer. (${detail})`;
}

export class KeytarSecretStore implements SecretStore {
  /** Only an available answer is kept: concurrent callers share one probe in flight. */
  private probed: Promise<KeychainStatus> | null = null;

  constructor(readonly service: string = keychainServiceName()) {}

  /**
   * Whether the keychain answers. A keychain that is locked, or whose daemon is not up yet, at
   * launch is asked again next time: remembering "unavailable" would leave the app without a
   * keychain until it restarts, though the user has unlocked it since.
   */
  status(): Promise<KeychainStatus> {
    if (this.probed) return this.probed;
    const probing = this.probe();
    this.probed = probing;
    void probing.then((status) => {
      if (!status.available && this.probed === probing) this.probed = null;
    });
    return probing;
  }

  private async probe(): Promise<KeychainStatus> {
    try {
      const keytar = loadKeytar();
      // A harmless read: it fails when there is no Secret Service / keychain to talk to.
      await withTimeout(
        keytar.findCredentials(this.service),
        PROBE_TIMEOUT_MS,
        'the keychain did not answer within 5 s',
      );
      return { available: true, service: this.service, reason: null };
    } catch (error) {
      return { available: false, service: this.service, reason: explainKeychainFailure(error) };
    }
  }

  private async keytar(): Promise<Keytar> {
    const status = await this.status();
    if (!status.available) throw new KeychainUnavailableError(status.reason ?? '');
    return loadKeytar();
  }

  async get(account: string): Promise<string | null> {
    return (await this.keytar()).getPassword(this.service, account);
  }

  async set(account: string, secret: string): Promise<void> {
    await (await this.keytar()).setPassword(this.service, account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return (await this.keytar()).deletePassword(this.service, account);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
