/**
 * Where a connection talks to: Box itself, or the built-in sandbox (same paths, another origin).
 * Not secret: kept in settings. The client secret is in the keychain.
 */
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';

export interface BoxEndpoints {
  /** The SDK's baseUrl: origin without /2.0 (the SDK appends /2.0/… and /oauth2/token). */
  apiUrl: string;
  uploadUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
}

export const BOX_ENDPOINTS: BoxEndpoints = {
  apiUrl: 'https://api.box.com',
  uploadUrl: 'https://upload.box.com/api',
  authorizeUrl: 'https://account.box.com/api/oauth2/authorize',
  tokenUrl: 'https://api.box.com/oauth2/token',
  revokeUrl: 'https://api.box.com/oauth2/revoke',
};

/**
 * An SDK NetworkSession pointed at these endpoints (the SDK otherwise always uses api.box.com),
 * with keep-alive: the SDK's default agent opens a new connection, and against Box a new TLS
 * handshake, for every request, which a scan of a million files cannot afford.
 */
export function networkSessionFor(endpoints: BoxEndpoints): NetworkSession {
  return new NetworkSession({})
    .withCustomBaseUrls(
      new BaseUrls({
        baseUrl: endpoints.apiUrl,
        uploadUrl: endpoints.uploadUrl,
        oauth2Url: endpoints.authorizeUrl.replace(/\/authorize$/, ''),
      }),
    )
    .withCustomAgentOptions({ keepAlive: true });
}

/** Box client IDs and secrets are 32 lowercase letters and digits (secrets: any case). */
export const CLIENT_ID_PATTERN = /^[a-z0-9]{32}$/;
export const CLIENT_SECRET_PATTERN = /^[A-Za-z0-9]{32}$/;
