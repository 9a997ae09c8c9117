import type { BoxCompanionApi, CallResults } from '../../../common/bridge/contract';
import { BaseStore } from './base-store';

/** The connection state, and which Box app (or sandbox) sign-in will use. */
export type ConnectionView = CallResults['getConnection'];

/**
 * The connection as every screen sees it: read once, then kept live through connectionChanged
 * (which carries the state only: the app and sandbox come with `refresh`, after an action).
 */
export class ConnectionStore extends BaseStore<ConnectionView> {
  private generation = 0;

  constructor(private readonly bridge: BoxCompanionApi) {
    super();
  }

  start(): () => void {
    const off = this.bridge.on('connectionChanged', (state) => {
      const current = this.getSnapshot().value;
      // Before the first read answers, the event alone is the state; the read fills in the rest.
      this.emit({ sandbox: null, app: null, ...current, state });
    });
    void this.refresh().catch(() => undefined); // refresh records the failure in the snapshot
    return () => {
      this.generation++;
      off();
    };
  }

  /** Reads the whole connection again (after sign-in, sign-out or a new Box app). */
  async refresh(): Promise<void> {
    const mine = ++this.generation;
    try {
      const current = await this.bridge.getConnection({});
      if (mine === this.generation) this.emit(current);
    } catch (reason) {
      if (mine === this.generation) this.fail(reason);
      throw reason;
    }
  }
}
