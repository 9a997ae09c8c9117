/**
 * The connection test's HTTP client, on the official Box SDK, driven the way the scan drives it
 * (main/core/box/client.ts): the SDK's own retries off (it would retry a 5xx up to 5 times with
 * 2^n s backoff, far past the test's few seconds), every request with its own deadline (an
 * AbortSignal: the per-request timeout, cut to what is left of the run's budget), at most one
 * quick retry decided here, and the SDK's answer or error read back into a record (status, Box's
 * request id, latency) that becomes the check's evidence and the headroom figures.
 *
 * Tokens: the prober asks the TokenSession itself, with a deadline (a refresh ahead of expiry is
 * a call to Box too, outside the request's AbortSignal), and signs the SDK request with that
 * token; so a refused token leads to one refresh for the whole run, and Box's refusal of the
 * refresh token is kept for the checks to explain.
 *
 * How the SDK's answers show here:
 * - an error answer is a BoxApiError whose responseInfo has the status, the headers and the
 *   parsed body (Box's code, message, request_id; responseInfo.code is JSON-encoded, quotes and
 *   all, so the body's is read). Box's gateway 401/403 have an empty body: the reason is in
 *   WWW-Authenticate.
 * - a body that is not JSON is a BoxSdkError wrapping the SyntaxError, without the status or
 *   headers: "Failed to parse response" (problem `malformed`), with no status.
 * - a timeout is a BoxSdkError after our signal fired; a dropped connection one wrapping
 *   node-fetch's FetchError.
 * - /files/{id}/content is asked without following Box's 302 (`followRedirects: false`), so the
 *   evidence shows Box's own answer (302 and its request id, or 202 "not ready") apart from the
 *   download host's. The SDK then skips the body of any answer, so a refusal there keeps its
 *   status, request id and WWW-Authenticate reason but not Box's code and message. The download
 *   URL is read with no Authorization (the URL is the credential), only its first bytes.
 */
import { BoxDeveloperTokenAuth, type BoxClient } from 'box-node-sdk';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import type { Evidence } from '../../../common/conntest';
import { networkSessionFor, type BoxEndpoints } from '../auth/box-endpoints';
import { ReconnectRequiredError, type TokenSession } from '../auth/token-session';
import { clientWithoutSdkRetries, sendRequest } from '../box/client';

export interface ProbeResponse {
  request: string;
  status: number | null;
  ok: boolean;
  requestId: string | null;
  ms: number;
  /** Parsed JSON body (null when empty or not JSON). */
  body: Record<string, unknown> | null;
  /** Why no usable answer came. */
  /** `out_of_time`: not sent, because the run's budget was spent (reported like a timeout). */
  problem: 'timeout' | 'out_of_time' | 'network' | 'malformed' | 'signed_out' | null;
  code: string | null;
  message: string | null;
  headers: Headers | null;
}

/** Box's refusal of the refresh token (or no tokens at all): the sign-in is over. */
export interface SignInRefusal {
  reason: string;
  oauth: { error: string; description: string; status: number } | null;
}

export interface ProberOptions {
  /** Where the connection talks to (Box or the sandbox); null with no connection. */
  endpoints: BoxEndpoints | null;
  /** Null when there is no connection at all: every request then answers "signed out". */
  session: TokenSession | null;
  timeoutMs?: number;
  /**
   * When the whole run must be over (ms since epoch). Every request's timeout is cut to what is
   * left, and none starts after it, so a slow Box cannot stretch the test past its budget.
   */
  deadline?: number;
}

export interface GetOptions {
  asUser?: string;
  label?: string;
  /** false: Box's own answer (a 302 and its Location) instead of the SDK following it. */
  followRedirects?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 4000;

export class Prober {
  /** Every answer (or non-answer), for the headroom check. */
  readonly log: ProbeResponse[] = [];
  refusal: SignInRefusal | null = null;
  private refreshed: Promise<string | null> | null = null;
  private readonly timeoutMs: number;
  private readonly deadline: number;
  /** The SDK client (retries off); its own auth is the session, but each request is signed with the token chosen here. */
  private readonly client: BoxClient | null;

  constructor(private readonly options: ProberOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    this.client =
      options.session && options.endpoints
        ? clientWithoutSdkRetries(options.session, networkSessionFor(options.endpoints))
        : null;
  }

  /** This request's timeout: the per-request one, or less when the run's budget is nearly spent. */
  private budget(): number {
    return Math.min(this.timeoutMs, this.deadline - Date.now());
  }

  /** GET /2.0{path}. A 401 triggers one refresh for the whole run; a 5xx, drop or 429 one quick retry. */
  async get(path: string, options: GetOptions = {}): Promise<ProbeResponse> {
    const request = `GET /2.0${path.split('?')[0]}${options.asUser ? ` (As-User ${options.asUser})` : ''}${options.label ? ` ${options.label}` : ''}`;
    let token: string | null;
    try {
      token = await this.token();
    } catch (error) {
      if (!isTimeout(error)) throw error;
      return this.outOfTime(request, Date.now(), {
        problem: 'timeout' as const,
        message: 'Box did not answer the token refresh in time',
      });
    }
    if (token === null || !this.client) return this.signedOut(request);
    let response = await this.once(request, path, token, options);
    if (response.status === 401 && !this.refusal) {
      token = await this.refreshOnce();
      // refreshOnce() sets the refusal; TypeScript still has it narrowed to null from above.
      const refusal = this.refusal as SignInRefusal | null;
      if (token === null) return { ...response, code: refusal?.oauth?.error ?? response.code };
      response = await this.once(request, path, token, options);
    } else if (retryable(response)) {
      const wait =
        response.status === 429 ? Math.min(1000, Number(response.headers?.get('retry-after') ?? 1) * 1000) : 250;
      // No retry that could not finish inside the run's budget: the first answer stands.
      if (this.budget() < wait + 500) return response;
      await new Promise((resolve) => setTimeout(resolve, wait));
      response = await this.once(request, path, token, options);
    }
    return response;
  }

  /** Follows a download URL (no token: the URL is the credential), reading at most `maxBytes`. */
  async download(url: string, maxBytes: number): Promise<ProbeResponse & { bytes: number }> {
    const started = Date.now();
    const request = 'GET download URL';
    if (this.budget() <= 0 || !this.client) return this.outOfTime(request, started, { bytes: 0 });
    // One signal for the answer and the bytes: the SDK hands the body over as a stream it no longer times.
    const signal = AbortSignal.timeout(this.budget());
    let out: ProbeResponse & { bytes: number };
    try {
      const res = await sendRequest(this.client, {
        method: 'GET',
        url,
        headers: { range: `bytes=0-${maxBytes - 1}` },
        responseFormat: 'binary',
        auth: null,
        cancellationToken: signal,
      });
      let bytes = 0;
      for await (const chunk of (res.content ?? []) as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        // Leaving the loop destroys the stream: a host that ignores Range is not read to the end.
        if (bytes >= maxBytes) break;
      }
      out = { ...answered(request, started, res.status, res.headers, undefined), bytes };
    } catch (error) {
      out = {
        ...(error instanceof BoxApiError
          ? refused(request, started, error)
          : { ...base(request, started), ...failure(error, signal) }),
        bytes: 0,
      };
    }
    out.ms = Date.now() - started;
    this.log.push(out);
    return out;
  }

  /** The access token; the session refreshes it first when it is about to expire, so this has a deadline too. */
  private async token(): Promise<string | null> {
    if (!this.options.session) return null;
    try {
      return await withTimeout(
        this.options.session.accessToken(),
        Math.max(0, Math.min(this.timeoutMs * 2, this.deadline - Date.now())),
      );
    } catch (error) {
      if (error instanceof ReconnectRequiredError) {
        this.refusal = { reason: error.reason, oauth: error.oauth };
        return null;
      }
      throw error;
    }
  }

  /** The access token was refused: refresh once for all checks (they run in parallel). */
  private refreshOnce(): Promise<string | null> {
    this.refreshed ??= (async () => {
      try {
        if (!this.options.session) return null;
        const fresh = await withTimeout(
          this.options.session.refreshToken(),
          Math.max(0, Math.min(this.timeoutMs * 2, this.deadline - Date.now())),
        );
        return fresh.accessToken ?? null;
      } catch (error) {
        if (error instanceof ReconnectRequiredError) this.refusal = { reason: error.reason, oauth: error.oauth };
        else this.refusal = { reason: error instanceof Error ? error.message : String(error), oauth: null };
        return null;
      }
    })();
    return this.refreshed;
  }

  private signedOut(request: string): ProbeResponse {
    return {
      ...base(request, Date.now()),
      problem: 'signed_out',
      code: this.refusal?.oauth?.error ?? 'signed_out',
      message: this.refusal?.reason ?? null,
    };
  }

  /** The run's budget is spent: answer "timeout" without asking Box. */
  private outOfTime<T extends object>(request: string, started: number, extra: T): ProbeResponse & T {
    const out = {
      ...base(request, started),
      problem: 'out_of_time' as const,
      code: 'timeout',
      message: 'Not sent: Box was too slow for the test to finish in time',
      ...extra,
    };
    this.log.push(out);
    return out;
  }

  private async once(request: string, path: string, token: string, options: GetOptions): Promise<ProbeResponse> {
    const started = Date.now();
    if (this.budget() <= 0 || !this.client) return this.outOfTime(request, started, {});
    const [url, query] = path.split('?', 2) as [string, string | undefined];
    const signal = AbortSignal.timeout(this.budget());
    let out: ProbeResponse;
    try {
      const res = await sendRequest(this.client, {
        method: 'GET',
        url: `${this.client.networkSession.baseUrls.baseUrl}/2.0${url}`,
        params: Object.fromEntries(new URLSearchParams(query ?? '')),
        // As-User is one header on one request (the SDK's withAsUserHeader builds a client per user).
        headers: options.asUser ? { 'as-user': options.asUser } : {},
        auth: new BoxDeveloperTokenAuth({ token }),
        cancellationToken: signal,
        followRedirects: options.followRedirects,
      });
      out = answered(request, started, res.status, res.headers, res.data);
    } catch (error) {
      out =
        error instanceof BoxApiError
          ? refused(request, started, error)
          : { ...base(request, started), ...failure(error, signal) };
    }
    out.ms = Date.now() - started;
    this.log.push(out);
    return out;
  }
}

function base(request: string, started: number): ProbeResponse {
  return {
    request,
    status: null,
    ok: false,
    requestId: null,
    ms: Date.now() - started,
    body: null,
    problem: null,
    code: null,
    message: null,
    headers: null,
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** An answer from Box (or the download host), whatever its status. */
function answered(
  request: string,
  started: number,
  status: number,
  rawHeaders: Readonly<Record<string, string>>,
  data: unknown,
): ProbeResponse {
  const headers = new Headers(rawHeaders);
  const body = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
  const out: ProbeResponse = {
    ...base(request, started),
    status,
    ok: status >= 200 && status < 400,
    requestId: headers.get('box-request-id'),
    body,
    headers,
  };
  if (!out.ok) {
    out.code = text(body?.code);
    out.message = text(body?.message);
    out.requestId ??= text(body?.request_id);
    // 401/403 from Box's gateway come with an empty body and the reason in WWW-Authenticate.
    out.code ??= /error="([^"]+)"/.exec(headers.get('www-authenticate') ?? '')?.[1] ?? null;
  }
  return out;
}

/** Box answered with an error status: the SDK's BoxApiError carries the answer. */
function refused(request: string, started: number, error: BoxApiError): ProbeResponse {
  const info = error.responseInfo;
  return answered(request, started, info.statusCode, (info.headers ?? {}) as Record<string, string>, info.body);
}

/** No usable answer: our deadline, a body that is not JSON, or the connection. */
function failure(error: unknown, signal: AbortSignal): Pick<ProbeResponse, 'problem' | 'code' | 'message' | 'ok'> {
  if (signal.aborted || isTimeout(error))
    return { ok: false, problem: 'timeout', code: 'timeout', message: 'Box did not answer in time' };
  const cause = error instanceof BoxSdkError ? error.error : undefined;
  if (cause instanceof SyntaxError)
    return { ok: false, problem: 'malformed', code: 'malformed', message: 'Failed to parse response' };
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  // node-fetch says "request to <url> failed, reason: <why>": the why is the evidence.
  return { ok: false, problem: 'network', code: 'network', message: /reason: (.+)$/.exec(message)?.[1] ?? message };
}

function retryable(response: ProbeResponse): boolean {
  // Not timeouts: a second wait would push the whole test past its few seconds.
  return (
    response.status === 429 ||
    (response.status !== null && response.status >= 500) ||
    response.problem === 'network' ||
    response.problem === 'malformed'
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('Box did not answer the token refresh in time'), { name: 'TimeoutError' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function evidenceOf(response: ProbeResponse): Evidence {
  return {
    request: response.request,
    status: response.status,
    code: response.ok ? null : response.code,
    message: response.ok ? null : response.message,
    requestId: response.requestId,
    ms: response.status === null && response.problem === 'signed_out' ? null : response.ms,
  };
}
