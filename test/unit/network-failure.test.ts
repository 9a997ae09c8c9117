/**
 * One vocabulary for "no answer", whichever stack failed: undici's `fetch failed` with the
 * socket's error as its cause (a certificate, a tunnel the proxy refused with 407, a refused
 * connection), and Chromium's net::ERR_ names from Electron's net.fetch.
 */
import { describe, expect, it } from 'vitest';
import { describeNetworkFailure } from '../../main/core/box/network-failure';

function undiciFailure(cause: Error): TypeError {
  return new TypeError('fetch failed', { cause });
}

function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('network failures', () => {
  it('an untrusted certificate, from undici and from Chromium', () => {
    expect(
      describeNetworkFailure(
        undiciFailure(coded('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN')),
      ),
    ).toMatchObject({ kind: 'certificate', code: 'SELF_SIGNED_CERT_IN_CHAIN' });
    expect(describeNetworkFailure(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toMatchObject({ kind: 'certificate' });
  });

  it('a proxy that wants a password, and one that refuses the tunnel', () => {
    const refused = (status: number) =>
      undiciFailure(new Error(`Proxy response (${status}) !== 200 when HTTP Tunneling`));
    expect(describeNetworkFailure(refused(407))).toMatchObject({ kind: 'proxy_auth', proxyStatus: 407 });
    expect(describeNetworkFailure(refused(502))).toMatchObject({ kind: 'proxy_refused', proxyStatus: 502 });
    expect(describeNetworkFailure(new Error('net::ERR_PROXY_CONNECTION_FAILED'))).toMatchObject({
      kind: 'proxy_unreachable',
    });
  });

  it('a name that does not resolve and a refused connection are "unreachable"; the cause nested twice is found', () => {
    const nested = undiciFailure(
      Object.assign(new Error('connect failed'), { cause: coded('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED') }),
    );
    expect(describeNetworkFailure(nested)).toMatchObject({
      kind: 'unreachable',
      code: 'ECONNREFUSED',
      reason: 'connect ECONNREFUSED 127.0.0.1:9',
    });
    expect(
      describeNetworkFailure(undiciFailure(coded('getaddrinfo ENOTFOUND box-sandbox.test', 'ENOTFOUND'))),
    ).toMatchObject({
      kind: 'unreachable',
    });
    expect(describeNetworkFailure(new Error('net::ERR_NAME_NOT_RESOLVED'))).toMatchObject({ kind: 'unreachable' });
  });
});
