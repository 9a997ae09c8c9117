/**
 * Bridge failures, shared by every transport. Kept apart from contract.ts so the renderer and
 * preload can use them without bundling the run-time validator.
 */
import { CodedError, isErrorCode, NEXT_STEPS, type ErrorCode, type NextStep } from '../errors/error-codes';

/** How a failed call is reported, identically on every transport: a code of the app's one table. */
export type BridgeErrorCode = ErrorCode;

/** The `error` of a failed reply: the code, the core's own (scrubbed) message, and the next step. */
export interface BridgeFailureDetail {
  code: BridgeErrorCode;
  message: string;
  /** Absent when there is nothing to press (the code's next step is `none`). */
  nextStep?: NextStep;
}

/** Thrown in the renderer when a call fails; it keeps the reply's code and next step. */
export class BridgeError extends CodedError {
  constructor(detail: BridgeFailureDetail) {
    super(detail.code, detail.message, detail.nextStep ?? 'none');
    this.name = 'BridgeError';
  }
}

/**
 * Electron's contextBridge copies only an Error's message into the page (custom properties are
 * lost), so the preload puts the failure itself in the message and the renderer's bridge client
 * turns it back into a BridgeError (renderer/src/bridge/index.ts).
 */
const CONTEXT_BRIDGE_PREFIX = 'bcc-bridge-failure:';

export function contextBridgeError(detail: BridgeFailureDetail): Error {
  return new Error(CONTEXT_BRIDGE_PREFIX + JSON.stringify(detail));
}

/** The BridgeError a preload failure stands for; anything else is returned as it is. */
export function fromContextBridge(thrown: unknown): unknown {
  if (!(thrown instanceof Error)) return thrown;
  const at = thrown.message.indexOf(CONTEXT_BRIDGE_PREFIX);
  if (at < 0) return thrown;
  try {
    const detail = JSON.parse(thrown.message.slice(at + CONTEXT_BRIDGE_PREFIX.length)) as Partial<BridgeFailureDetail>;
    const code = isErrorCode(detail.code) ? detail.code : 'internal';
    const nextStep = (NEXT_STEPS as readonly unknown[]).includes(detail.nextStep) ? detail.nextStep : undefined;
    return new BridgeError({ code, message: String(detail.message ?? ''), nextStep });
  } catch {
    return thrown;
  }
}
