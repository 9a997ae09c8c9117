/**
 * Check 0, the network path: how requests leave this computer (a proxy, and from which
 * setting, or none) and whether Box's API answers that way at all. One request without a
 * sign-in (any HTTP answer, a 401 included, proves the path); when it gets none, the stack's
 * reason becomes the cause, in words: the untrusted issuer of the certificate the server
 * presented (read from it, never trusted), the proxy's 407, a proxy that cannot be reached.
 */
import type { CheckResult, Evidence } from '../../../common/conntest';
import { networkStack, type NetworkRoute } from '../box/network';
import { describeNetworkFailure, type NetworkFailure } from '../box/network-failure';
import { notRun, result, type RunState } from './check-result';
import type { Explanation } from './explain';

const REQUEST = 'GET /2.0/users/me (no sign-in: the network path only)';
const DEFAULT_TIMEOUT_MS = 4000;

export function describeRoute(route: NetworkRoute): string {
  if (route.kind === 'proxy') return `through the proxy ${route.proxy} (set by ${route.source})`;
  if (route.kind === 'system') return 'as the operating system’s proxy settings say (system proxy or PAC file)';
  return 'directly, no proxy';
}

function routeEvidence(name: string, route: NetworkRoute): Evidence {
  return {
    request: 'Network path',
    status: null,
    code: null,
    message: `${name}: ${describeRoute(route)}`,
    requestId: null,
    ms: null,
  };
}

const PROXY_SETTING = 'HTTPS_PROXY (or box-companion --proxy URL; the desktop app uses the system’s proxy settings)';

async function certificateProblem(url: URL, failure: NetworkFailure): Promise<Explanation> {
  const host = url.hostname;
  const seen = await networkStack()
    .presentedCertificate(url)
    .catch(() => null);
  const issuer = seen ? `was issued by '${seen.issuer}'` : `was refused (${failure.reason})`;
  return {
    cause: `The certificate for ${host} ${issuer}, which this computer does not trust (${failure.code ?? failure.reason}). A TLS-inspecting proxy presents its own certificates.`,
    fix: `The certificate for ${host} ${issuer}, which this computer does not trust. Ask IT for that root certificate, or use the system certificate store (box-companion --system-ca, or --ca-file FILE with the root IT gives you).`,
    actions: ['retry'],
  };
}

function proxyProblem(route: NetworkRoute, failure: NetworkFailure, host: string): Explanation | null {
  const proxy = route.kind === 'proxy' ? `The proxy ${route.proxy}` : 'The system’s proxy';
  if (failure.kind === 'proxy_auth')
    return {
      cause: `${proxy} asks for a user name and password (HTTP 407 Proxy Authentication Required), and none it accepts was given.`,
      fix: `Give the proxy’s user and password in its URL (http://USER:PASSWORD@proxy:port in ${PROXY_SETTING}), or ask IT to let this computer reach ${host} without proxy authentication.`,
      actions: ['retry'],
    };
  if (failure.kind === 'proxy_refused')
    return {
      cause: `${proxy} refused to connect to ${host}${failure.proxyStatus ? ` (HTTP ${failure.proxyStatus})` : ''}.`,
      fix: `Ask IT to allow ${host} (and *.box.com, *.boxcloud.com) through the proxy.`,
      actions: ['retry'],
    };
  if (failure.kind === 'proxy_unreachable' || (route.kind === 'proxy' && failure.kind === 'unreachable'))
    return {
      cause: `${proxy} could not be reached (${failure.reason}).`,
      fix: `Check the proxy address with IT and correct ${PROXY_SETTING}, or remove it if this network needs none.`,
      actions: ['retry'],
    };
  return null;
}

function directProblem(failure: NetworkFailure, host: string): Explanation {
  const what = failure.kind === 'timeout' ? 'did not answer in time' : 'could not be reached';
  return {
    cause: `${host} ${what} directly, without a proxy (${failure.reason}).`,
    fix: `If this network reaches the internet through a proxy, set ${PROXY_SETTING}; otherwise check the connection to ${host}, then run the test again.`,
    actions: ['retry'],
  };
}

export async function explainNetworkFailure(url: URL, route: NetworkRoute, error: unknown): Promise<Explanation> {
  const failure = describeNetworkFailure(error);
  if (failure.kind === 'certificate') return certificateProblem(url, failure);
  return proxyProblem(route, failure, url.hostname) ?? directProblem(failure, url.hostname);
}

export async function checkNetwork(run: RunState): Promise<CheckResult> {
  if (!run.endpoints) return notRun('network', 'there is no connection to test');
  const url = new URL(`${run.endpoints.apiUrl}/2.0/users/me`);
  const stack = networkStack();
  const route = stack.routeFor(url);
  const evidence = [routeEvidence(stack.name, route)];
  const started = Date.now();
  const timeout = Math.max(1, Math.min(DEFAULT_TIMEOUT_MS, run.deadline - started));
  try {
    const response = await stack.fetch(url.toString(), { signal: AbortSignal.timeout(timeout), redirect: 'manual' });
    await response.body?.cancel();
    const requestId = response.headers.get('box-request-id');
    evidence.push({
      request: REQUEST,
      status: response.status,
      code: null,
      message: null,
      requestId,
      ms: Date.now() - started,
    });
    return result('network', 'pass', `Box’s API at ${url.host} answers ${describeRoute(route)}.`, evidence);
  } catch (error) {
    const explained = await explainNetworkFailure(url, route, error);
    const reason = describeNetworkFailure(error).reason;
    evidence.push({
      request: REQUEST,
      status: null,
      code: 'network',
      message: reason,
      requestId: null,
      ms: Date.now() - started,
    });
    return result('network', 'fail', explained.cause, evidence, explained.fix, explained.actions);
  }
}
