/**
 * The official Box SDK client for a connection: pointed at its endpoints (Box or the sandbox)
 * and authenticated by the TokenSession, so every API call gets a fresh token the same way.
 *
 * Also the one place for the client our own retry logic drives (the scan's scheduler, the
 * connection test's prober): the SDK's retries off, and a request that honours a cancellation
 * token, for per-request deadlines.
 */
import { BoxClient } from 'box-node-sdk';
import {
  FetchOptions,
  type Authentication,
  type FetchOptionsInput,
  type FetchResponse,
  type NetworkSession,
  type RetryStrategy,
} from 'box-node-sdk/networking';
import { networkSessionFor, type BoxEndpoints } from '../auth/box-endpoints';
import type { TokenSession } from '../auth/token-session';

export function createBoxClient(endpoints: BoxEndpoints, session: TokenSession): BoxClient {
  return new BoxClient({ auth: session, networkSession: networkSessionFor(endpoints) });
}

/**
 * The SDK never retries on its own: its strategy ignores `Retry-After` in Node and backs off
 * 2^n s up to 5 times, which would fight the scan's global pacing and stretch the connection
 * test far past its few seconds. The caller decides every retry.
 */
export const NO_SDK_RETRIES: RetryStrategy = {
  shouldRetry: async (_o: FetchOptions, _r: FetchResponse, _n: number) => false,
  retryAfter: () => 0,
};

/** A client on these endpoints and auth, with the SDK's retries off. */
export function clientWithoutSdkRetries(auth: Authentication, networkSession: NetworkSession): BoxClient {
  return new BoxClient({ auth, networkSession: networkSession.withRetryStrategy(NO_SDK_RETRIES) });
}

export type RequestInput = Omit<FetchOptionsInput, 'auth' | 'networkSession'> & {
  /** Who signs the request: the client's auth by default; null sends no Authorization header. */
  auth?: Authentication | null;
};

/**
 * `BoxClient.makeRequest`, with its `cancellationToken` honoured. box-node-sdk 10.12's
 * makeRequest copies every option but that one into the request it sends, so an AbortSignal
 * given to it is never seen (checked: a pre-aborted signal still gets an answer). This sends the
 * same FetchOptions through the client's own NetworkClient, exactly as the SDK's managers do
 * (`users.getUserMe` and the rest pass their cancellation token this way).
 */
export function sendRequest(client: BoxClient, input: RequestInput): Promise<FetchResponse> {
  const auth = input.auth === null ? undefined : (input.auth ?? client.auth);
  return client.networkSession.networkClient.fetch(
    new FetchOptions({ ...input, auth, networkSession: client.networkSession }),
  );
}
