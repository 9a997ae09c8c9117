/**
 * "On a 401, refresh the token once and ask again", for every Box call of the app (the scan's
 * BoxApi and the governance actions' BoxCalls). A 401 may mean the access token alone is dead
 * (expired early, revoked) while the refresh token still works. A refresh Box refuses throws
 * ReconnectRequiredError, and only then does the caller wait for a new sign-in; auth that cannot
 * refresh (a developer token) leaves the 401 as it was.
 */
import type { BoxClient } from 'box-node-sdk';
import { ReconnectRequiredError } from '../auth/token-session';

function isUnauthorized(e: Error): boolean {
  return (e as { status?: unknown }).status === 401;
}

/**
 * Sends once; on a 401 refreshes the client's token and sends once more. `translate` turns the
 * SDK's errors into the caller's own (a 401 into an error whose `status` is 401).
 */
export async function withOneRefresh<T>(
  client: BoxClient,
  send: () => Promise<T>,
  translate: (e: unknown) => Error,
): Promise<T> {
  let refused: Error;
  try {
    return await send();
  } catch (e) {
    refused = translate(e);
    if (!isUnauthorized(refused)) throw refused;
  }
  try {
    await client.auth.refreshToken(client.networkSession);
  } catch (e) {
    throw e instanceof ReconnectRequiredError ? e : refused;
  }
  try {
    return await send();
  } catch (e) {
    throw translate(e);
  }
}
