/**
 * The scan's Box calls, through the official SDK (`BoxClient.makeRequest`) with the SDK's own
 * retries switched off: its retry strategy ignores `Retry-After` in Node and retries on its own
 * schedule, which would fight the scheduler's global pacing. Every retry is the scheduler's.
 * As-User is one header on one request (the SDK's `withAsUserHeader` would build a client per
 * user). Token refresh ahead of expiry is the client's Authentication (our TokenSession).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { BoxClient } from 'box-node-sdk';
import { BoxApiError as SdkApiError, BoxSdkError } from 'box-node-sdk/box';
import { NetworkSession, type Authentication, type FetchResponse } from 'box-node-sdk/networking';
import { CodedError, type ErrorCode } from '../../../common/errors/error-codes';
import { clientWithoutSdkRetries } from '../box/client';
import { withOneRefresh } from '../box/refresh-once';
import { sanitiseMessage } from './failures';
import { RetryableError, type RequestScheduler } from './scheduler';

/** What a Box answer means for the user: a lost sign-in, Box's rate limit, Box having trouble, or our own failure. */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'reconnect_required';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'box_unavailable' : 'internal';
}

/** `code`: Box's own error code (not_found, …); `errorCode`: the app's (from the status). */
/**
 * Absolute URLs come from Box's answers (representation info and content): the token and
 * As-User go only to the API's own origin and Box's hosts, never to a host an answer names.
 */
export function isBoxUrl(url: string, apiBase: string): boolean {
  const target = new URL(url);
  if (target.origin === new URL(apiBase).origin) return true;
  const host = target.hostname;
  return target.protocol === 'https:' && /(^|\.)(box\.com|boxcloud\.com)$/.test(host);
}

export class BoxApiError extends CodedError {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(codeOfStatus(status), message);
    this.name = 'BoxApiError';
  }
}

export interface GetOptions {
  asUser?: string | null;
  kind: string;
  /**
   * The answer must be a page of a collection (`entries`, a list of objects; with 'items',
   * each with a string `id` and `type`): anything else is a malformed answer, retried and
   * then counted against the item, never a crash in the code that reads it.
   */
  page?: 'entries' | 'items';
}

/** The scan's client: the connection's auth and endpoints, with SDK retries off (the scheduler decides, and honours Retry-After). */
export function scanClient(auth: Authentication, networkSession: NetworkSession): BoxClient {
  return clientWithoutSdkRetries(auth, withKeepAlive(networkSession));
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

/**
 * The scan's connections: a keep-alive pool per protocol. The SDK's default agent (proxy-agent)
 * decides per request whether a proxy applies, which costs a fresh connection and a stack
 * trace (agent-base's isSecureEndpoint) every time: at millions of requests that was the
 * core's thread. With a proxy configured (the session's, or the environment's) it stays.
 */
function withKeepAlive(ns: NetworkSession): NetworkSession {
  if (ns.proxyConfig || PROXY_VARIABLES.some((v) => process.env[v])) return ns;
  const http = new HttpAgent({ keepAlive: true });
  const https = new HttpsAgent({ keepAlive: true });
  // node-fetch (the SDK's fetch in Node) takes an agent per URL.
  const agent = (url: URL) => (url.protocol === 'http:' ? http : https);
  return new NetworkSession({
    additionalHeaders: ns.additionalHeaders,
    baseUrls: ns.baseUrls,
    interceptors: ns.interceptors,
    agent: agent as unknown as NetworkSession['agent'],
    agentOptions: ns.agentOptions,
    networkClient: ns.networkClient,
    retryStrategy: ns.retryStrategy,
    dataSanitizer: ns.dataSanitizer,
  });
}

export class BoxApi {
  private readonly base: string;

  constructor(
    private readonly client: BoxClient,
    readonly scheduler: RequestScheduler,
  ) {
    this.base = `${client.networkSession.baseUrls.baseUrl}/2.0`;
  }

  /** `path` under /2.0, or an absolute URL Box handed out (a representation's info or content). */
  private request(
    path: string,
    asUser: string | null | undefined,
    binary: boolean,
    headers: Record<string, string> = {},
  ): Promise<FetchResponse> {
    const [url, query] = path.split('?', 2) as [string, string | undefined];
    const params = Object.fromEntries(new URLSearchParams(query ?? ''));
    if (/^https?:\/\//.test(url) && !isBoxUrl(url, this.base))
      // A 4xx about this item: the file ends as a download error, the scan goes on.
      throw new BoxApiError(400, 'not_box', `refused to send the sign-in to ${new URL(url).host}: not Box`);
    return this.client.makeRequest({
      method: 'GET',
      url: /^https?:\/\//.test(url) ? url : `${this.base}${url}`,
      params,
      headers: { ...headers, ...(asUser ? { 'as-user': asUser } : {}) },
      responseFormat: binary ? 'binary' : 'json',
    });
  }

  /** One request, with one token refresh on a 401 (refresh-once.ts). */
  private send(
    path: string,
    asUser: string | null | undefined,
    binary: boolean,
    headers?: Record<string, string>,
  ): Promise<FetchResponse> {
    return withOneRefresh(this.client, () => this.request(path, asUser, binary, headers), translate);
  }

  async get<T>(path: string, o: GetOptions & { headers?: Record<string, string> }): Promise<T> {
    return this.scheduler.run(o.kind, async () => {
      const res = await this.send(path, o.asUser, false, o.headers);
      if (res.data === undefined) throw new RetryableError('empty or malformed response', 0, null, 'malformed');
      if (o.page && !isPage(res.data, o.page === 'items'))
        throw new RetryableError(`malformed ${o.kind} page from Box`, 0, null, 'malformed');
      return res.data as T;
    });
  }

  /** The file's bytes, or a BoxApiError; refuses (413) past maxBytes without reading the rest. */
  async download(fileId: string, asUser: string | null, maxBytes: number): Promise<Buffer> {
    return this.fetchBytes(`/files/${fileId}/content`, asUser, maxBytes, 'download');
  }

  /** Bytes from a path or a URL Box handed out (a representation's content), as download() reads them. */
  async fetchBytes(path: string, asUser: string | null, maxBytes: number, kind: string): Promise<Buffer> {
    return this.scheduler.run(kind, async () => {
      const res = await this.send(path, asUser, true);
      const body = res.content as unknown as (AsyncIterable<Uint8Array> & { destroy?(): void }) | undefined;
      if (res.status === 202) {
        body?.destroy?.();
        throw new RetryableError('not ready', 503, Number(res.headers['retry-after'] ?? 1));
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        body?.destroy?.();
        throw new BoxApiError(413, 'too_large', 'too large');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of body ?? []) {
          size += chunk.length;
          if (size > maxBytes) {
            body?.destroy?.();
            throw new BoxApiError(413, 'too_large', 'too large');
          }
          chunks.push(Buffer.from(chunk));
        }
      } catch (e) {
        if (e instanceof BoxApiError) throw e;
        throw new RetryableError(
          `download interrupted: ${sanitiseMessage(e instanceof Error ? e.message : String(e))}`,
          0,
          null,
          'network',
        );
      }
      return Buffer.concat(chunks);
    });
  }
}

function isPage(data: unknown, items: boolean): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const { entries, next_marker: marker } = data as { entries?: unknown; next_marker?: unknown };
  if (!Array.isArray(entries) || !(marker === undefined || marker === null || typeof marker === 'string')) return false;
  return entries.every((e: unknown) => {
    if (typeof e !== 'object' || e === null) return false;
    const { id, type } = e as { id?: unknown; type?: unknown };
    return !items || (typeof id === 'string' && id !== '' && typeof type === 'string');
  });
}

/** SDK errors → retryable (429, 5xx, network, malformed) or final (BoxApiError). No headers leak. */
export function translate(e: unknown): Error {
  if (e instanceof SdkApiError) {
    const status = e.responseInfo.statusCode;
    const headers = e.responseInfo.headers as Record<string, string>;
    const retryAfter = headers['retry-after'] ?? headers['Retry-After'];
    if (status === 429 || status >= 500)
      return new RetryableError(`HTTP ${status}`, status, retryAfter === undefined ? null : Number(retryAfter) || 1);
    // Box's code from the body: the SDK's responseInfo.code is JSON-encoded (quotes included).
    const body = e.responseInfo.body as { code?: string; message?: string } | undefined;
    return new BoxApiError(status, body?.code ?? `http_${status}`, body?.message ?? `HTTP ${status}`);
  }
  // Network failures and bodies that are not JSON (a malformed response) come as BoxSdkError
  // or SyntaxError: both are worth another try.
  if (e instanceof SyntaxError) return new RetryableError('malformed response from Box', 0, null, 'malformed');
  if (e instanceof BoxSdkError || e instanceof TypeError)
    return new RetryableError(`network: ${sanitiseMessage(e.message.split(';')[0] ?? '')}`, 0, null, 'network');
  return e instanceof Error ? e : new Error(String(e));
}
