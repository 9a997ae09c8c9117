/**
 * The sandbox enterprise running inside the app (first run's "Try it on a sandbox enterprise",
 * and the help desk's rehearsals). One at a time; starting another replaces it. It lives in
 * memory, so after a restart of the app the sandbox is new and the admin signs in again.
 */
import { startSandbox, type RunningSandbox, type SandboxInfo } from '../sandbox';
import type { AppRegistration } from './connection-manager';
import { registrationFromSandboxInfo } from './sandbox-registration';

export interface InAppSandboxOptions {
  seed: number;
  role: 'admin' | 'coadmin' | 'user';
  users?: number;
  files?: number;
}

export class InAppSandbox {
  private running: RunningSandbox | null = null;
  private options: InAppSandboxOptions | null = null;

  info(): (SandboxInfo & { role: InAppSandboxOptions['role'] }) | null {
    return this.running && this.options ? { ...this.running.info, role: this.options.role } : null;
  }

  async start(options: InAppSandboxOptions): Promise<AppRegistration> {
    await this.stop();
    this.running = await startSandbox({
      seed: options.seed,
      role: options.role,
      users: options.users ?? 50,
      files: options.files ?? 5000,
    });
    this.options = options;
    return registrationFromSandboxInfo(this.running.info);
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    this.options = null;
    await running?.close();
  }
}
