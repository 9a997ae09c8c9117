/**
 * The one place a thrown value becomes the failure the user is told about: `{code, message,
 * nextStep?}`. Errors the app throws on purpose carry their code (CodedError); the few foreign
 * ones that mean something to the user (the Box SDK's API errors, Node's network errors) are
 * recognised here; anything else is `internal`. Every message is scrubbed of URLs (a download's
 * signed URL grants the file) and bearer tokens, whatever threw it.
 */
import { BoxApiError as SdkApiError } from 'box-node-sdk/box';
import type { BridgeFailure } from '../../../common/bridge/contract';
import { failure } from '../../../common/bridge/validate';
import { CodedError, type ErrorCode } from '../../../common/errors/error-codes';
import { errorMessage, sanitiseMessage } from '../scan/failures';

/** Node's codes for "no answer from the other side" (on the error or its `cause`). */
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errnoOf(value: unknown): string | null {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function isNetworkFailure(error: Error): boolean {
  // fetch (undici) rejects with TypeError('fetch failed') and the socket's error as its cause;
  // AbortSignal.timeout() rejects with a TimeoutError.
  if (error.name === 'TimeoutError') return true;
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  const errno = errnoOf(error) ?? errnoOf(error.cause);
  return errno !== null && NETWORK_ERRNOS.has(errno);
}

function sdkApiCode(status: number): ErrorCode {
  if (status === 401) return 'reconnect_required';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'box_unavailable' : 'internal';
}

/** Any thrown value → the reply's failure. Never throws. */
export function toBridgeFailure(thrown: unknown): BridgeFailure {
  if (thrown instanceof CodedError) return failure(thrown.errorCode, errorMessage(thrown), thrown.nextStep);
  if (thrown instanceof SdkApiError) {
    // The SDK's own message carries the request (URL, headers): keep only what Box said.
    const status = thrown.responseInfo.statusCode;
    const boxCode = thrown.responseInfo.code ?? '';
    return failure(sdkApiCode(status), sanitiseMessage(`Box answered ${status}${boxCode ? ` ${boxCode}` : ''}`));
  }
  if (thrown instanceof Error && isNetworkFailure(thrown)) return failure('network', errorMessage(thrown));
  return failure('internal', errorMessage(thrown));
}
