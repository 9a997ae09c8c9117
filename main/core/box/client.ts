/**
 * The official Box SDK client for a connection: pointed at its endpoints (Box or the sandbox)
 * and authenticated by the TokenSession, so every API call gets a fresh token the same way.
 */
import { BoxClient } from 'box-node-sdk';
import { networkSessionFor, type BoxEndpoints } from '../auth/box-endpoints';
import type { TokenSession } from '../auth/token-session';

export function createBoxClient(endpoints: BoxEndpoints, session: TokenSession): BoxClient {
  return new BoxClient({ auth: session, networkSession: networkSessionFor(endpoints) });
}
