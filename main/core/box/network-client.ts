/**
 * The SDK's NetworkClient on the host's fetch (network.ts), so the SDK's API calls and
 * downloads take the same path as the OAuth requests. box-node-sdk 10's own BoxNetworkClient
 * calls node-fetch directly (its only hook is an http.Agent, which Electron's net.fetch has
 * not); this does what it does, on `hostFetch`: the same headers, the session's interceptors
 * and retry strategy, redirects followed by hand (Authorization only to the same origin), and
 * the same errors (BoxApiError with the answer, BoxSdkError with the cause), so every caller
 * reads answers as before.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { BoxApiError, BoxSdkError } from 'box-node-sdk/box';
import type { FetchOptions, FetchResponse, MultipartItem, NetworkClient } from 'box-node-sdk/networking';
import { userAgentHeader, xBoxUaHeader } from 'box-node-sdk/networking/boxNetworkClient';
import { jsonToSerializedData, sdToJson, sdToUrlParams } from 'box-node-sdk/serialization';
import { hostFetch } from './network';
import { describeNetworkFailure } from './network-failure';

type Options = FetchOptions & { attemptNumber?: number };

async function requestBody(
  options: FetchOptions,
): Promise<{ headers: Record<string, string>; body?: string | Buffer }> {
  // As the SDK: no content headers on a GET.
  if (options.method === 'GET') return { headers: {} };
  const type = options.contentType ?? 'application/json';
  const headers = { 'Content-Type': type };
  if (options.multipartData) return multipartBody(options.multipartData);
  if (type === 'application/x-www-form-urlencoded') return { headers, body: sdToUrlParams(options.data) };
  if (type === 'application/octet-stream') {
    const chunks: Buffer[] = [];
    for await (const chunk of options.fileStream ?? []) chunks.push(Buffer.from(chunk as Uint8Array));
    return { headers, body: Buffer.concat(chunks) };
  }
  return { headers, body: options.data === undefined ? undefined : sdToJson(options.data) };
}

/**
 * A multipart/form-data body as the SDK's own client builds it (the governance actions' note
 * upload): JSON parts as text, file parts with a filename and a type, in the order given (Box
 * wants `attributes` before `file`).
 */
async function multipartBody(
  items: readonly MultipartItem[],
): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const boundary = `----box-companion-${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const item of items) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${item.partName}"`;
    let bytes: Buffer;
    if (item.fileStream) {
      const chunks: Buffer[] = [];
      for await (const chunk of item.fileStream) chunks.push(Buffer.from(chunk as Uint8Array));
      bytes = Buffer.concat(chunks);
      head += `; filename="${(item.fileName ?? 'file').replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${item.contentType ?? 'application/octet-stream'}`;
    } else if (item.data !== undefined) bytes = Buffer.from(sdToJson(item.data));
    else throw new BoxSdkError({ message: 'Multipart item must have either body or fileStream' });
    parts.push(Buffer.from(`${head}\r\n\r\n`), bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(parts) };
}

type Init = RequestInit & { headers: Record<string, string>; body?: string | Buffer };

async function requestInit(options: FetchOptions): Promise<Init> {
  const { headers: contentHeaders, body } = await requestBody(options);
  const auth: Record<string, string> = options.auth
    ? { Authorization: await options.auth.retrieveAuthorizationHeader(options.networkSession) }
    : {};
  const headers: Record<string, string> = {
    ...contentHeaders,
    ...options.headers,
    ...auth,
    'User-Agent': userAgentHeader,
    'X-Box-UA': xBoxUaHeader,
    ...options.networkSession?.additionalHeaders,
  };
  return { method: options.method, headers, body, signal: options.cancellationToken, redirect: 'manual' };
}

function urlOf(options: FetchOptions): string {
  const params = options.params ?? {};
  if (Object.keys(params).length === 0 || options.url.endsWith('?')) return options.url;
  return `${options.url}?${new URLSearchParams(params).toString()}`;
}

/** The answer as the SDK gives it: JSON parsed, binary as a Node stream (what the scan reads). */
async function toFetchResponse(
  response: Response,
  options: FetchOptions,
): Promise<{ res: FetchResponse; raw: string }> {
  const headers = Object.fromEntries(response.headers.entries());
  const base = { url: response.url, status: response.status, headers };
  const redirect = response.status >= 300 && response.status < 400;
  if (options.followRedirects === false || redirect) {
    // The body of a redirect is never read: release the connection for the next request.
    await response.body?.cancel();
    return { res: base, raw: '' };
  }
  const binary = options.responseFormat === 'binary';
  if (binary && response.ok && response.body) {
    return { res: { ...base, content: Readable.fromWeb(response.body as NodeReadableStream) }, raw: '' };
  }
  const raw = await response.text();
  if (!binary) return { res: { ...base, data: raw ? jsonToSerializedData(raw) : undefined }, raw };
  return { res: base, raw };
}

const MAX_REDIRECTS = 10;
/** How many redirects led to a request (the SDK's Options has no field for it). */
const redirectHops = new WeakMap<object, number>();

export class HostNetworkClient implements NetworkClient {
  async fetch(input: Options): Promise<FetchResponse> {
    const session = input.networkSession;
    const options = (session?.interceptors ?? []).reduce((o, i) => i.beforeRequest(o) as Options, input);
    const attempt = options.attemptNumber ?? 1;
    const init = await requestInit(options);
    let answer: { res: FetchResponse; raw: string };
    let caught: Error | undefined;
    try {
      answer = await toFetchResponse(await hostFetch(urlOf(options), init), options);
      answer.res = (session?.interceptors ?? []).reduce((r, i) => i.afterRequest(r), answer.res);
    } catch (error) {
      caught = error instanceof Error ? error : new Error(String(error));
      answer = { res: { status: 0, headers: {} }, raw: '' };
    }
    const strategy = session?.retryStrategy;
    if (strategy && (await strategy.shouldRetry(options, answer.res, attempt))) {
      const seconds = strategy.retryAfter(options, answer.res, attempt);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      return this.fetch({ ...input, attemptNumber: attempt + 1 } as Options);
    }
    return this.settle(input, options, init, answer, caught);
  }

  private settle(
    input: Options,
    options: Options,
    init: Init,
    { res, raw }: { res: FetchResponse; raw: string },
    caught: Error | undefined,
  ): Promise<FetchResponse> | FetchResponse {
    if (res.status === 0) throw sdkError(options.url, caught);
    if (res.status >= 300 && res.status < 400 && options.followRedirects !== false) {
      const location = res.headers['location'];
      if (!location) throw new BoxSdkError({ message: `Unable to follow redirect for ${options.url}` });
      // A redirect loop must end (node-fetch, which the SDK used, stops at 20): it would hold a scan slot forever.
      const hops = (redirectHops.get(input) ?? 0) + 1;
      if (hops > MAX_REDIRECTS)
        throw new BoxSdkError({ message: `Too many redirects from ${new URL(options.url).origin}` });
      const target = new URL(location, options.url).toString();
      const sameOrigin = new URL(target).origin === new URL(options.url).origin;
      const next = { ...input, params: undefined, auth: sameOrigin ? options.auth : undefined, url: target } as Options;
      redirectHops.set(next, hops);
      return this.fetch(next);
    }
    if (res.status < 400) return res;
    throw apiError(options, init, res, raw);
  }
}

/** No answer: the network's own reason, worded as node-fetch did ("request to … failed, reason: …"). */
function sdkError(url: string, cause: Error | undefined): BoxSdkError {
  if (cause instanceof SyntaxError || cause?.name === 'AbortError' || cause?.name === 'TimeoutError')
    return new BoxSdkError({ message: cause.message, timestamp: `${Date.now()}`, error: cause });
  const reason = cause ? describeNetworkFailure(cause).reason : 'Unexpected Error occurred';
  const error = Object.assign(new Error(`request to ${url} failed, reason: ${reason}`), { cause });
  return new BoxSdkError({ message: error.message, timestamp: `${Date.now()}`, error });
}

function field(data: unknown, key: string): string | undefined {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  return value === undefined ? undefined : JSON.stringify(value);
}

function apiError(options: FetchOptions, init: Init, res: FetchResponse, raw: string): BoxApiError {
  const [code, requestId, message] = [
    field(res.data, 'code'),
    field(res.data, 'request_id'),
    field(res.data, 'message'),
  ];
  return new BoxApiError({
    message: [[res.status, code, message].filter(Boolean).join(' '), requestId && `Request ID: ${requestId}`]
      .filter(Boolean)
      .join('; '),
    timestamp: `${Date.now()}`,
    requestInfo: {
      contentType: options.contentType,
      method: options.method,
      url: options.url,
      queryParams: options.params ?? {},
      headers: init.headers,
      body: typeof init.body === 'string' ? init.body : undefined,
    },
    responseInfo: { statusCode: res.status, headers: res.headers, body: res.data, rawBody: raw, code, requestId },
  });
}
