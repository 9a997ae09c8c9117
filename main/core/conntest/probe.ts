/**
 * The connection test's HTTP client. Plain fetch with the TokenSession's access token rather
 * than the SDK, because the test must finish in seconds: the SDK retries a 5xx up to 5 times
 * with 2^n s backoff and has no per-request deadline we control. Here every request has a
 * short timeout, at most one quick retry, and leaves a record (status, Box's request id,
 * latency) that becomes the check's evidence and the headroom figures.
 */
import type { Evidence } from '../../../common/conntest';
import { ReconnectRequiredError, type TokenSession } from '../auth/token-session';

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
  apiUrl: string;
  /** Null when there is no connection at all: every request then answers "signed out". */
  session: TokenSession | null;
  timeoutMs?: number;
  /**
   * When the whole run must be over (ms since epoch). Every request's timeout is cut to what is
   * left, and none starts after it, so a slow Box cannot stretch the test past its budget.
   */
  deadline?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 4000;

export class Prober {
  /** Every answer (or non-answer), for the headroom check. */
  readonly log: ProbeResponse[] = [];
  refusal: SignInRefusal | null = null;
  private refreshed: Promise<string | null> | null = null;
  private readonly timeoutMs: number;
  private readonly deadline: number;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ProberOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    this.doFetch = options.fetch ?? fetch;
  }

  /** This request's timeout: the per-request one, or less when the run's budget is nearly spent. */
  private budget(): number {
    return Math.min(this.timeoutMs, this.deadline - Date.now());
  }

  /** GET /2.0{path}. A 401 triggers one refresh for the whole run; a 5xx, drop or 429 one quick retry. */
  async get(path: string, options: { asUser?: string; label?: string } = {}): Promise<ProbeResponse> {
    const request = `GET /2.0${path.split('?')[0]}${options.asUser ? ` (As-User ${options.asUser})` : ''}${options.label ? ` ${options.label}` : ''}`;
    let token: string | null;
    try {
      token = await this.token();
    } catch (error) {
      if (!isTimeout(error)) throw error;
      return this.outOfTime(request, Date.now(), { problem: 'timeout' as const, message: 'Box did not answer the token refresh in time' });
    }
    if (token === null) return this.signedOut(request);
    let response = await this.once(request, path, token, options.asUser);
    if (response.status === 401 && !this.refusal) {
      token = await this.refreshOnce();
      // refreshOnce() sets the refusal; TypeScript still has it narrowed to null from above.
      const refusal = this.refusal as SignInRefusal | null;
      if (token === null) return { ...response, code: refusal?.oauth?.error ?? response.code };
      response = await this.once(request, path, token, options.asUser);
    } else if (retryable(response)) {
      const wait = response.status === 429 ? Math.min(1000, Number(response.headers?.get('retry-after') ?? 1) * 1000) : 250;
      // No retry that could not finish inside the run's budget: the first answer stands.
      if (this.budget() < wait + 500) return response;
      await new Promise((resolve) => setTimeout(resolve, wait));
      response = await this.once(request, path, token, options.asUser);
    }
    return response;
  }

  /** Follows a download URL (no token: the URL is the credential), reading at most `maxBytes`. */
  async download(url: string, maxBytes: number): Promise<ProbeResponse & { bytes: number }> {
    const started = Date.now();
    const request = 'GET download URL';
    if (this.budget() <= 0) return this.outOfTime(request, started, { bytes: 0 });
    try {
      const res = await this.doFetch(url, { headers: { range: `bytes=0-${maxBytes - 1}` }, signal: AbortSignal.timeout(this.budget()) });
      const bytes = (await res.arrayBuffer()).byteLength;
      const out = { ...base(request, started), status: res.status, ok: res.ok, requestId: res.headers.get('box-request-id'), headers: res.headers, bytes };
      this.log.push(out);
      return out;
    } catch (error) {
      const out = { ...base(request, started), ...failure(error), bytes: 0 };
      this.log.push(out);
      return out;
    }
  }

  /** The access token; the session refreshes it first when it is about to expire, so this has a deadline too. */
  private async token(): Promise<string | null> {
    if (!this.options.session) return null;
    try {
      return await withTimeout(this.options.session.accessToken(), Math.max(0, Math.min(this.timeoutMs * 2, this.deadline - Date.now())));
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
        const fresh = await withTimeout(this.options.session.refreshToken(), Math.max(0, Math.min(this.timeoutMs * 2, this.deadline - Date.now())));
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
    return { ...base(request, Date.now()), problem: 'signed_out', code: this.refusal?.oauth?.error ?? 'signed_out', message: this.refusal?.reason ?? null };
  }

  /** The run's budget is spent: answer "timeout" without asking Box. */
  private outOfTime<T extends object>(request: string, started: number, extra: T): ProbeResponse & T {
    const out = { ...base(request, started), problem: 'out_of_time' as const, code: 'timeout', message: 'Not sent: Box was too slow for the test to finish in time', ...extra };
    this.log.push(out);
    return out;
  }

  private async once(request: string, path: string, token: string, asUser: string | undefined): Promise<ProbeResponse> {
    const started = Date.now();
    if (this.budget() <= 0) return this.outOfTime(request, started, {});
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (asUser) headers['as-user'] = asUser;
    let out: ProbeResponse;
    try {
      const res = await this.doFetch(`${this.options.apiUrl}/2.0${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(this.budget()) });
      const text = await res.text();
      out = { ...base(request, started), status: res.status, ok: res.status >= 200 && res.status < 400, requestId: res.headers.get('box-request-id'), headers: res.headers };
      if (text) {
        try {
          const parsed: unknown = JSON.parse(text);
          out.body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
        } catch {
          out.problem = 'malformed';
          out.ok = false;
        }
      }
      if (!out.ok && out.body) {
        out.code = typeof out.body.code === 'string' ? out.body.code : null;
        out.message = typeof out.body.message === 'string' ? out.body.message : null;
        out.requestId ??= typeof out.body.request_id === 'string' ? out.body.request_id : null;
      }
      if (out.problem === 'malformed') {
        out.code = 'malformed';
        out.message = 'Failed to parse response';
      } else if (!out.code && !out.ok) {
        // 401/403 from Box's gateway come with an empty body and the reason in WWW-Authenticate.
        out.code = /error="([^"]+)"/.exec(res.headers.get('www-authenticate') ?? '')?.[1] ?? null;
      }
    } catch (error) {
      out = { ...base(request, started), ...failure(error) };
    }
    out.ms = Date.now() - started;
    this.log.push(out);
    return out;
  }
}

function base(request: string, started: number): ProbeResponse {
  return { request, status: null, ok: false, requestId: null, ms: Date.now() - started, body: null, problem: null, code: null, message: null, headers: null };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function failure(error: unknown): Pick<ProbeResponse, 'problem' | 'code' | 'message'> {
  return isTimeout(error)
    ? { problem: 'timeout', code: 'timeout', message: 'Box did not answer in time' }
    : { problem: 'network', code: 'network', message: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
}

function retryable(response: ProbeResponse): boolean {
  // Not timeouts: a second wait would push the whole test past its few seconds.
  return response.status === 429 || (response.status !== null && response.status >= 500) || response.problem === 'network' || response.problem === 'malformed';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('Box did not answer the token refresh in time'), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function evidenceOf(response: ProbeResponse): Evidence {
  return { request: response.request, status: response.status, code: response.ok ? null : response.code, message: response.ok ? null : response.message, requestId: response.requestId, ms: response.status === null && response.problem === 'signed_out' ? null : response.ms };
}
