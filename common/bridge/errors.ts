/**
 * Bridge failures, shared by every transport. Kept apart from contract.ts so the renderer and
 * preload can use them without bundling the run-time validator.
 */
/**
 * How a failed call is reported, identically on every transport. `core_unavailable`: the core
 * process is gone (crashed or stopped), so the call never ran.
 */
export type BridgeErrorCode = 'invalid_argument' | 'unknown_call' | 'untrusted_sender' | 'failed' | 'core_unavailable';

/** Thrown in the renderer when a call fails; `code` says which kind of failure. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}
