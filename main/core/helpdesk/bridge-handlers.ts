/** The help desk's bridge calls, spread into the core's handlers (main/core/bridge/handlers.ts). */
import type { HelpdeskCallResults } from '../../../common/bridge/helpdesk-calls';
import { readDiagnosticsBundle } from '../../../common/support/bundle';

export function helpdeskHandlers() {
  return {
    /** Reads only the text it is given: nothing of this home (settings, tokens) is touched. */
    async openDiagnosticsBundle({ fileName, text }: { fileName: string; text: string }) {
      return readDiagnosticsBundle(fileName, text) satisfies HelpdeskCallResults['openDiagnosticsBundle'];
    },
  };
}
