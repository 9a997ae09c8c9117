/** The bridge calls of the connection: Box or sandbox, sign in, cancel, disconnect. */
import type { ConnectionCallResults } from '../../../common/bridge/connection-calls';
import { BOX_ENDPOINTS } from '../auth/box-endpoints';
import type { ConnectionManager } from './connection-manager';
import type { InAppSandbox } from './in-app-sandbox';
import { assertAppAllowed } from '../settings/app-locks';
import type { SettingsStore } from '../settings/settings-store';

export interface ConnectionHandlerDeps {
  connection: ConnectionManager;
  sandbox: InAppSandbox;
  /** The organisation may lock the Box app's client ID and turn the sandbox off. */
  settings: SettingsStore;
  /** Opens the authorize URL in the system browser (the harness only logs it). */
  openBrowser(url: string): Promise<void> | void;
}

function sandboxSummary(sandbox: InAppSandbox): ConnectionCallResults['getConnection']['sandbox'] {
  const info = sandbox.info();
  return info ? { apiUrl: info.apiUrl, seed: info.seed, users: info.users, files: info.files, role: info.role } : null;
}

export function connectionHandlers(deps: ConnectionHandlerDeps) {
  return {
    async getConnection(): Promise<ConnectionCallResults['getConnection']> {
      const profile = deps.connection.profile();
      return {
        state: await deps.connection.state(),
        sandbox: sandboxSummary(deps.sandbox),
        app: profile ? { target: profile.target, clientId: profile.clientId } : null,
      };
    },
    async useSandboxEnterprise(args: {
      seed: number;
      role: 'admin' | 'coadmin' | 'user';
    }): Promise<ConnectionCallResults['useSandboxEnterprise']> {
      assertAppAllowed(deps.settings, { target: 'sandbox', clientId: '' });
      await deps.connection.disconnect().catch(() => undefined);
      await deps.connection.registerApp(await deps.sandbox.start({ seed: args.seed, role: args.role }));
      return sandboxSummary(deps.sandbox)!;
    },
    async registerBoxApp(args: { clientId: string; clientSecret: string; redirectPort: number | null }) {
      assertAppAllowed(deps.settings, { target: 'box', clientId: args.clientId });
      await deps.sandbox.stop();
      await deps.connection.registerApp({
        endpoints: BOX_ENDPOINTS,
        clientId: args.clientId,
        clientSecret: args.clientSecret,
        target: 'box',
        redirectPort: args.redirectPort,
      });
      return deps.connection.state();
    },
    async connect() {
      // A profile set up before the organisation's file arrived is held to it too.
      const profile = deps.connection.profile();
      if (profile) assertAppAllowed(deps.settings, profile);
      return deps.connection.connect({ openBrowser: deps.openBrowser });
    },
    async cancelSignIn() {
      deps.connection.cancel();
      return deps.connection.state();
    },
    async disconnect() {
      return deps.connection.disconnect();
    },
  };
}
