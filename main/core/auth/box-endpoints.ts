/**
 * Where a connection talks to: Box itself, or the built-in sandbox (same paths, another origin).
 * Not secret: kept in settings. The client secret is in the keychain.
 */
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { HostNetworkClient } from '../box/network-client';

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
 * sending through the host's network stack (main/core/box/network.ts: its proxy, its trusted
 * certificates, and keep-alive pools, since a new TLS handshake per request is more than a
 * scan of a million files can afford).
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
    .withNetworkClient(new HostNetworkClient());
}

/** Box client IDs and secrets are 32 lowercase letters and digits (secrets: any case). */
export const CLIENT_ID_PATTERN = /^[a-z0-9]{32}$/;
export const CLIENT_SECRET_PATTERN = /^[A-Za-z0-9]{32}$/;
