/**
 * The harness as a Node test drives it: started on a home (harness-process.ts) with its bridge
 * open (bridge-latency.ts's openBridge), so a test calls the core, follows its events, and reads
 * what the harness and its core wrote on stderr. Needs `npm run build` (the harness serves out/renderer).
 */
import { openBridge, type BridgeConnection } from './bridge-latency';
import { startHarness, stopHarness, type Harness } from './harness-process';

export interface HarnessClient extends Harness {
  bridge: BridgeConnection;
  /** The call's value; throws with the failure's code and message. */
  call<T>(name: string, args?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startHarnessClient(home: string): Promise<HarnessClient> {
  const harness = await startHarness(home);
  const bridge = await openBridge(harness.url);
  return {
    ...harness,
    bridge,
    async call<T>(name: string, args: unknown = {}) {
      const reply = await bridge.call(name, args);
      if (!reply.ok) throw new Error(`${name}: ${reply.error?.code}: ${reply.error?.message}`);
      return reply.value as T;
    },
    async close() {
      bridge.close();
      await stopHarness(harness);
    },
  };
}
