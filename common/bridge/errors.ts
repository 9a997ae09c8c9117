/**
 * Bridge failures, shared by every transport. Kept apart from contract.ts so the renderer and
 * preload can use them without bundling the run-time validator.
 */
/** How a failed call is reported, identically on every transport. */
export type BridgeErrorCode = 'invalid_argument' | 'unknown_call' | 'untrusted_sender' | 'failed';

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
