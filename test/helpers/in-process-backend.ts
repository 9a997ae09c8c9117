import { dispatch } from '../../main/core/bridge/dispatch';
import type { Core } from '../../main/core/bridge/handlers';
import type { CoreBackend } from '../../main/core/process/protocol';

/** A core built in the test's own process, behind the interface the transports relay to. */
export function inProcessBackend(core: Core): CoreBackend {
  return {
    call: (name, args) => dispatch(core.handlers, name, args),
    on: (event, listener) => core.events.on(event, listener),
  };
}
