/**
 * Connecting to a running sandbox enterprise given only its API URL: its control API says where
 * everything else is and which client ID and secret its app has.
 */
import { hostFetch } from '../box/network';
import { describeNetworkFailure } from '../box/network-failure';
import type { AppRegistration } from './connection-manager';

/** What a sandbox says about itself (its control API's /_sandbox/info, or SandboxInfo in-process). */
export interface SandboxInfoResponse {
  apiUrl: string;
  uploadUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Loopback, or a name reserved for testing (RFC 6761: .test, .localhost) as `sandbox --public-url` advertises. */
function isSandboxHost(hostname: string): boolean {
  return ['127.0.0.1', 'localhost'].includes(hostname) || /\.(test|localhost)$/.test(hostname);
}

export async function sandboxRegistration(apiUrl: string): Promise<AppRegistration> {
  const base = new URL(apiUrl);
  if (!isSandboxHost(base.hostname))
    throw new Error(
      '--sandbox-url must be the sandbox’s own address (its apiUrl): 127.0.0.1, or the name it was given with --public-url under .test or .localhost.',
    );
  let info: SandboxInfoResponse;
  try {
    const response = await hostFetch(new URL('/_sandbox/info', base), { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    info = (await response.json()) as SandboxInfoResponse;
  } catch (error) {
    throw new Error(
      `No sandbox answered at ${base.origin} (${describeNetworkFailure(error).reason}). Start one with: box-companion sandbox`,
    );
  }
  return registrationFromSandboxInfo(info);
}

/** The app registration that signs in to a sandbox, from what the sandbox says about itself. */
export function registrationFromSandboxInfo(info: SandboxInfoResponse): AppRegistration {
  return {
    endpoints: {
      apiUrl: info.apiUrl,
      uploadUrl: info.uploadUrl,
      authorizeUrl: info.authorizeUrl,
      tokenUrl: info.tokenUrl,
      revokeUrl: info.revokeUrl,
    },
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    target: 'sandbox',
  };
}
