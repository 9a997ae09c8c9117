/**
 * The single entry for every bridge message, whatever the transport: validate the call and its
 * argument at run time, run the handler, and wrap the outcome in the contract's envelope.
 * Handler errors never escape as exceptions (a transport would mangle them); they become
 * `{ok:false}` replies with the error's code, scrubbed message and next step (bridge-failure.ts).
 */
import type { BridgeReply } from '../../../common/bridge/contract';
import type { CallName } from '../../../common/bridge/names';
import { validateCall } from '../../../common/bridge/validate';
import { toBridgeFailure } from './bridge-failure';
import type { Handlers } from './handlers';

export async function dispatch(handlers: Handlers, name: unknown, args: unknown): Promise<BridgeReply<CallName>> {
  const call = validateCall(name, args);
  if (!call.ok) return call;
  try {
    const handler = handlers[call.name] as (args: unknown) => Promise<unknown>;
    const value = await handler(call.args);
    return { ok: true, value } as BridgeReply<CallName>;
  } catch (error) {
    return toBridgeFailure(error);
  }
}
