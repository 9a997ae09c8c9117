/**
 * Why a request got no answer, from whichever stack made it: undici's `TypeError('fetch
 * failed')` with the socket's error as its cause (a Node error code, or "Proxy response (407)
 * !== 200 when HTTP Tunneling"), or Electron's net.fetch, whose message is Chromium's
 * `net::ERR_…` name. One vocabulary for the connection test and the evidence.
 */
export type NetworkFailureKind =
  'certificate' | 'proxy_auth' | 'proxy_refused' | 'proxy_unreachable' | 'unreachable' | 'timeout' | 'other';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  /** The stack's own words ("self-signed certificate in certificate chain", "net::ERR_CERT_AUTHORITY_INVALID"). */
  reason: string;
  /** The stack's code (SELF_SIGNED_CERT_IN_CHAIN, ECONNREFUSED, net::ERR_…), when it gave one. */
  code: string | null;
  /** The proxy's HTTP status for a refused tunnel (407, 502…). */
  proxyStatus: number | null;
}

const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

/** The innermost error: undici wraps the socket's error in `cause` (sometimes twice). */
function rootCause(error: unknown): Error & { code?: string } {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current : new Error(String(current));
}

function chromiumKind(name: string): NetworkFailureKind {
  if (name.startsWith('net::ERR_CERT_')) return 'certificate';
  if (name.startsWith('net::ERR_PROXY_AUTH')) return 'proxy_auth';
  if (name === 'net::ERR_PROXY_CONNECTION_FAILED') return 'proxy_unreachable';
  if (name === 'net::ERR_TUNNEL_CONNECTION_FAILED') return 'proxy_refused';
  if (name.includes('TIMED_OUT')) return 'timeout';
  if (/NAME_NOT_RESOLVED|CONNECTION_(REFUSED|RESET|FAILED)|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED/.test(name))
    return 'unreachable';
  return 'other';
}

export function describeNetworkFailure(error: unknown): NetworkFailure {
  const cause = rootCause(error);
  const chromium = /net::ERR_[A-Z_]+/.exec(cause.message)?.[0];
  if (chromium) return { kind: chromiumKind(chromium), reason: chromium, code: chromium, proxyStatus: null };
  const tunnel = /Proxy response \((\d+)\)/.exec(cause.message);
  if (tunnel) {
    const status = Number(tunnel[1]);
    return {
      kind: status === 407 ? 'proxy_auth' : 'proxy_refused',
      reason: cause.message,
      code: null,
      proxyStatus: status,
    };
  }
  const code = typeof cause.code === 'string' ? cause.code : null;
  const kind: NetworkFailureKind =
    code && UNTRUSTED_CODES.has(code)
      ? 'certificate'
      : code && UNREACHABLE_CODES.has(code)
        ? 'unreachable'
        : (code && TIMEOUT_CODES.has(code)) || cause.name === 'TimeoutError'
          ? 'timeout'
          : 'other';
  return { kind, reason: cause.message, code, proxyStatus: null };
}
